// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Members;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

class CustodyContractTest {
    private static final byte[] SALT = "0123456789abcdef-salt".getBytes(StandardCharsets.UTF_8);
    private final Story story = new Story();
    private List<String> vials;
    private String box;

    @BeforeEach
    void goods() {
        story.vaccineBatchRegistered().released();
        vials = story.commissioned("V", 6, 1);
        box = story.commissioned("BOX", 1, 2).get(0);
        story.packed(Parties.HUAXIA, box, vials.subList(0, 3));
    }

    /** Ships codes to the CDC with a logger and an anchored trip, and receives them there. */
    private void deliveredToCdc(final List<String> codes) {
        story.loggerAssociated(Parties.HUAXIA, codes);
        story.shipped(Parties.HUAXIA, "SHIP-CDC", codes, Parties.MINHANG);
        story.harness().advance(Duration.ofHours(2));
        story.anchored("2026-11-23T02:00:00Z", "2026-11-23T04:00:00Z");
        story.ok(Parties.MINHANG, "custody:receive", Json.obj("shipmentId", "SHIP-CDC"));
    }

    @Nested
    class Ship {
        @Test
        void puts_the_whole_tree_in_transit_with_exact_bytes() {
            JsonNode response = story.ok(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "DN-001",
                    "codes", List.of(box), "to", "ShenDistMSP", "bizTransactions",
                    List.of(Map.of("type", "desadv", "id", "DESADV-77"))));
            String eventId = response.get("eventIds").get(0).asText();
            String shipment = story.stateText("shipment", "DN-001");
            assertThat(shipment).isEqualTo("{\"bizTransactions\":[{\"id\":\"DESADV-77\",\"type\":\"desadv\"}],"
                    + "\"codes\":[\"" + box + "\"],\"coldChainRequired\":true,\"from\":\"HuaxiaVaccineMSP\","
                    + "\"id\":\"DN-001\",\"loggers\":[],\"receivedCodes\":[],\"returnShipment\":false,"
                    + "\"shippedAt\":\"2026-11-23T02:00:07.000Z\",\"status\":\"in_transit\",\"to\":\"ShenDistMSP\"}");
            for (String code : List.of(box, vials.get(0), vials.get(2))) {
                JsonNode unit = story.unit(code);
                assertThat(unit.get("status").asText()).isEqualTo("in_transit");
                assertThat(unit.get("pendingReceiver").asText()).isEqualTo("ShenDistMSP");
                assertThat(unit.get("custodian").asText()).isEqualTo("HuaxiaVaccineMSP");
                assertThat(unit.get("lastEventId").asText()).isEqualTo(eventId);
            }
            assertThat(story.unit(vials.get(3)).get("status").asText()).isEqualTo("active");
        }

        @Test
        void when_the_receiver_is_not_a_member_or_is_suspended_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(box), "to", "GreyMarketMSP"), ErrorCode.RECEIVER_NOT_MEMBER))
                    .isEqualTo("[RECEIVER_NOT_MEMBER] to: GreyMarketMSP is not a member of the consortium; goods go "
                            + "only to members");
            story.ok(Parties.MPA, "member:update", Members.request("ShenDistMSP", List.of()));
            assertThat(story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(box), "to", "ShenDistMSP"), ErrorCode.RECEIVER_NOT_MEMBER)).contains("is suspended");
            assertThat(story.refused(Parties.HUAXIA, "custody:return", Json.obj("shipmentId", "R", "codes",
                    List.of(box), "to", "GreyMarketMSP", "reason", "r"), ErrorCode.RECEIVER_NOT_MEMBER))
                    .contains("GreyMarketMSP");
        }

        @Test
        void when_the_vaccine_batch_is_not_released_it_is_refused() {
            story.ok(Parties.HUAXIA, "batch:register", Story.vaccineBatch("88.118.8866/B-NR", "NR"));
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj("batchId", "88.118.8866/B-NR",
                    "packageLevel", 1, "codes", List.of("88.118.8866/NR1")));
            assertThat(story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of("88.118.8866/NR1"), "to", "ShenDistMSP"), ErrorCode.BATCH_NOT_RELEASED))
                    .contains("批签发");
        }

        @Test
        void when_a_packed_code_is_named_it_is_refused() {
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(vials.get(0)), "to", "ShenDistMSP"), ErrorCode.UNIT_PACKED);
        }

        @Test
        void when_anything_in_the_tree_is_held_it_is_refused() {
            story.ok(Parties.HUAXIA, "custody:hold", Json.obj("holdId", "H1", "codes", List.of(box),
                    "reason", "check"));
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes", List.of(box),
                    "to", "ShenDistMSP"), ErrorCode.UNIT_HELD);
        }

        @Test
        void when_the_batch_is_held_recalled_or_expired_it_is_refused() {
            story.ok(Parties.HUAXIA, "custody:hold", Json.obj("holdId", "BH", "batchIds",
                    List.of(Story.VACCINE_BATCH), "reason", "deviation"));
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(vials.get(4)), "to", "ShenDistMSP"), ErrorCode.UNIT_HELD);
            story.ok(Parties.HUAXIA, "custody:release", Json.obj("holdId", "BH"));
            story.harness().advance(Duration.ofDays(3 * 365));
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(vials.get(4)), "to", "ShenDistMSP"), ErrorCode.UNIT_EXPIRED);
            story.ok(Parties.HUAXIA, "recall:create", Json.obj("recallId", "R", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "II", "reason", "potency"));
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(vials.get(4)), "to", "ShenDistMSP"), ErrorCode.BATCH_RECALLED);
        }

        @Test
        void when_shipping_to_oneself_reusing_a_shipment_id_or_shipping_twice_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(box), "to", "HuaxiaVaccineMSP"), ErrorCode.INVALID_ARGUMENT)).contains("to");
            story.shipped(Parties.HUAXIA, "S", List.of(box), Parties.SHEN);
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(vials.get(4)), "to", "ShenDistMSP"), ErrorCode.SHIPMENT_EXISTS);
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S2", "codes", List.of(box),
                    "to", "ShenDistMSP"), ErrorCode.UNIT_IN_TRANSIT);
        }

        @Test
        void when_the_caller_does_not_hold_the_goods_it_is_refused() {
            story.refused(Parties.SHEN, "custody:ship", Json.obj("shipmentId", "S", "codes", List.of(box),
                    "to", "MinhangCdcMSP"), ErrorCode.NOT_CUSTODIAN);
            story.refused(Parties.COLDLINK_LOGGER, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(box), "to", "MinhangCdcMSP"), ErrorCode.ACCESS_DENIED);
        }
    }

    /** The sender may cancel (void) a shipment: what is still in transit returns to its custody. */
    @Nested
    class CancelShipment {
        @BeforeEach
        void shipped() {
            story.loggerAssociated(Parties.HUAXIA, List.of(box));
            story.shipped(Parties.HUAXIA, "S1", List.of(box, vials.get(4)), Parties.SHEN);
        }

        private JsonNode cancel(final String reason) {
            return story.ok(Parties.HUAXIA, "custody:cancelShipment", Json.obj("shipmentId", "S1", "reason",
                    reason, "bizLocation", "88.118.8866/WH-SH-01"));
        }

        @Test
        void when_nothing_was_received_the_whole_tree_returns_to_the_sender_with_a_void_shipping_event() {
            JsonNode response = cancel("wrong consignee");
            JsonNode shipment = response.get("shipment");
            assertThat(shipment.get("status").asText()).isEqualTo("cancelled");
            assertThat(Story.ids(shipment.get("cancelledCodes"))).containsExactly(box, vials.get(4));
            assertThat(shipment.get("cancelReason").asText()).isEqualTo("wrong consignee");
            for (String code : List.of(box, vials.get(0), vials.get(2), vials.get(4))) {
                JsonNode unit = story.unit(code);
                assertThat(unit.get("status").asText()).as(code).isEqualTo("active");
                assertThat(unit.get("custodian").asText()).isEqualTo("HuaxiaVaccineMSP");
                assertThat(unit.has("shipmentId")).isFalse();
                assertThat(unit.has("pendingReceiver")).isFalse();
                assertThat(unit.get("location").asText()).isEqualTo("88.118.8866/WH-SH-01");
            }
            JsonNode event = story.state("event", response.get("eventIds").get(0).asText());
            assertThat(event.get("bizStep").asText()).isEqualTo("void_shipping");
            assertThat(event.get("disposition").asText()).isEqualTo("active");
            assertThat(Story.ids(event.get("epcList"))).containsExactly(box, vials.get(4));
            assertThat(event.get("medtrace").get("shipmentId").asText()).isEqualTo("S1");
            assertThat(event.get("medtrace").get("reason").asText()).isEqualTo("wrong consignee");
            assertThat(event.get("sourceList").get(0).get("source").asText()).isEqualTo("HuaxiaVaccineMSP");
            assertThat(event.get("destinationList").get(0).get("destination").asText()).isEqualTo("ShenDistMSP");
        }

        @Test
        void when_cancelled_the_receiver_cannot_receive_and_the_sender_can_ship_again() {
            cancel("truck broke down");
            story.harness().advance(Duration.ofHours(1));
            story.anchored("2026-11-23T02:00:00Z", "2026-11-23T02:30:00Z");
            assertThat(story.refused(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1"),
                    ErrorCode.UNIT_NOT_IN_TRANSIT)).contains("cancelled").contains("truck broke down");
            story.refused(Parties.HUAXIA, "custody:cancelShipment", Json.obj("shipmentId", "S1", "reason", "again"),
                    ErrorCode.UNIT_NOT_IN_TRANSIT);
            story.shipped(Parties.HUAXIA, "S2", List.of(box), Parties.MINHANG);
            assertThat(story.unit(vials.get(0)).get("pendingReceiver").asText()).isEqualTo("MinhangCdcMSP");
        }

        @Test
        void when_part_was_received_only_what_is_still_in_transit_returns() {
            story.harness().advance(Duration.ofHours(1));
            story.anchored("2026-11-23T02:00:00Z", "2026-11-23T02:30:00Z");
            story.ok(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1", "codes", List.of(box)));
            JsonNode shipment = cancel("second pallet not loaded").get("shipment");
            assertThat(shipment.get("status").asText()).isEqualTo("cancelled");
            assertThat(Story.ids(shipment.get("receivedCodes"))).containsExactly(box);
            assertThat(Story.ids(shipment.get("cancelledCodes"))).containsExactly(vials.get(4));
            assertThat(story.unit(vials.get(0)).get("custodian").asText()).isEqualTo("ShenDistMSP");
            assertThat(story.unit(vials.get(4)).get("custodian").asText()).isEqualTo("HuaxiaVaccineMSP");
            assertThat(story.unit(vials.get(4)).get("status").asText()).isEqualTo("active");
        }

        @Test
        void when_everything_was_received_there_is_nothing_to_cancel() {
            story.harness().advance(Duration.ofHours(1));
            story.anchored("2026-11-23T02:00:00Z", "2026-11-23T02:30:00Z");
            story.ok(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1"));
            story.refused(Parties.HUAXIA, "custody:cancelShipment", Json.obj("shipmentId", "S1", "reason", "late"),
                    ErrorCode.UNIT_NOT_IN_TRANSIT);
        }

        @Test
        void when_someone_other_than_the_sender_cancels_it_is_refused() {
            assertThat(story.refused(Parties.SHEN, "custody:cancelShipment", Json.obj("shipmentId", "S1",
                    "reason", "not ordered"), ErrorCode.NOT_CUSTODIAN)).contains("HuaxiaVaccineMSP");
            story.refused(Parties.MPA, "custody:cancelShipment", Json.obj("shipmentId", "S1", "reason", "x"),
                    ErrorCode.ACCESS_DENIED);
            story.refused(Parties.HUAXIA, "custody:cancelShipment", Json.obj("shipmentId", "NOPE", "reason", "x"),
                    ErrorCode.SHIPMENT_NOT_FOUND);
        }

        @Test
        void when_the_cancellation_is_dated_before_the_shipping_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "custody:cancelShipment", Json.obj("shipmentId", "S1",
                    "reason", "x", "eventTime", "2026-11-23T01:00:00Z"), ErrorCode.EVENT_TIME_OUT_OF_ORDER))
                    .contains("shipment S1 was shipped at");
        }
    }

    @Nested
    class Receive {
        @BeforeEach
        void shipped() {
            story.loggerAssociated(Parties.HUAXIA, List.of(box));
            story.shipped(Parties.HUAXIA, "S1", List.of(box, vials.get(4)), Parties.SHEN);
            story.harness().advance(Duration.ofHours(1));
        }

        @Test
        void when_the_trip_has_no_temperature_record_the_receiver_must_refuse() {
            assertThat(story.refused(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1"),
                    ErrorCode.TEMPERATURE_RECORD_MISSING)).contains(Story.LOGGER);
            story.anchored("2026-11-22T00:00:00Z", "2026-11-22T01:00:00Z");
            story.refused(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1"),
                    ErrorCode.TEMPERATURE_RECORD_MISSING);
        }

        @Test
        void when_a_window_overlaps_the_trip_the_receiver_takes_custody_of_the_tree() {
            story.anchored("2026-11-23T02:00:00Z", "2026-11-23T02:30:00Z");
            JsonNode shipment = story.ok(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1",
                    "codes", List.of(box), "bizLocation", "88.118.9000/WH-PD")).get("shipment");
            assertThat(shipment.get("status").asText()).isEqualTo("partially_received");
            assertThat(shipment.get("loggers").get(0).asText()).isEqualTo(Story.LOGGER);
            JsonNode vial = story.unit(vials.get(1));
            assertThat(vial.get("custodian").asText()).isEqualTo("ShenDistMSP");
            assertThat(vial.get("status").asText()).isEqualTo("active");
            assertThat(vial.get("location").asText()).isEqualTo("88.118.9000/WH-PD");
            assertThat(vial.has("pendingReceiver")).isFalse();
            assertThat(story.ok(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1")).get("shipment")
                    .get("status").asText()).isEqualTo("received");
            story.refused(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1"),
                    ErrorCode.UNIT_NOT_IN_TRANSIT);
        }

        @Test
        void when_someone_else_receives_it_is_refused() {
            story.anchored("2026-11-23T02:00:00Z", "2026-11-23T02:30:00Z");
            story.refused(TestOrgs.OTHER_DIST, "custody:receive", Json.obj("shipmentId", "S1"),
                    ErrorCode.NOT_RECEIVER);
            story.refused(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "NOPE"),
                    ErrorCode.SHIPMENT_NOT_FOUND);
            story.refused(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1", "codes",
                    List.of(vials.get(5))), ErrorCode.UNIT_NOT_IN_TRANSIT);
        }

        @Test
        void a_logger_associated_during_the_trip_is_recorded_on_the_shipment() {
            story.ok(Parties.COLDLINK, "telemetry:registerLogger", Json.obj("loggerId", "88.118.7700/L2"));
            story.ok(Parties.HUAXIA, "telemetry:associate", Json.obj("loggerId", "88.118.7700/L2",
                    "targets", List.of(vials.get(4))));
            assertThat(Story.ids(story.state("shipment", "S1").get("loggers")))
                    .containsExactly(Story.LOGGER, "88.118.7700/L2");
        }
    }

    @Nested
    class StoreAndInspect {
        @Test
        void store_records_the_location_on_the_tree() {
            story.ok(Parties.HUAXIA, "custody:store", Json.obj("codes", List.of(box), "location",
                    "urn:epc:id:sgln:6901234.00001.0"));
            assertThat(story.unit(vials.get(2)).get("location").asText()).isEqualTo("urn:epc:id:sgln:6901234.00001.0");
            story.refused(Parties.HUAXIA, "custody:store", Json.obj("codes", List.of(box)),
                    ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void a_non_conformant_inspection_holds_the_tree_and_its_placer_may_release_it() {
            JsonNode response = story.ok(Parties.HUAXIA, "custody:inspect", Json.obj("codes", List.of(box),
                    "result", "non_conformant", "note", "seal broken"));
            String holdId = response.get("holdId").asText();
            assertThat(holdId).startsWith("inspection:");
            assertThat(response.get("count").asInt()).isEqualTo(4);
            assertThat(story.unit(vials.get(0)).get("holds").get(0).get("reason").asText())
                    .isEqualTo("inspection_failed");
            assertThat(story.ok(Parties.HUAXIA, "custody:release", Json.obj("holdId", holdId)).get("count").asInt())
                    .isEqualTo(4);
            assertThat(story.unit(vials.get(0)).get("holds").size()).isZero();
        }

        @Test
        void a_regulator_inspects_goods_it_does_not_hold_others_may_not() {
            assertThat(story.ok(Parties.MPA, "custody:inspect", Json.obj("codes", List.of(box), "result",
                    "conformant")).has("holdId")).isFalse();
            story.refused(Parties.SHEN, "custody:inspect", Json.obj("codes", List.of(box), "result", "conformant"),
                    ErrorCode.NOT_CUSTODIAN);
        }
    }

    @Nested
    class HoldAndRelease {
        @Test
        void writes_the_hold_record_with_every_code_it_holds() {
            story.ok(Parties.HUAXIA, "custody:hold", Json.obj("holdId", "H1", "codes", List.of(box),
                    "reason", "investigation"));
            JsonNode hold = story.state("hold", "H1");
            assertThat(Story.ids(hold.get("heldCodes"))).containsExactly(box, vials.get(0), vials.get(1),
                    vials.get(2));
            assertThat(Story.ids(hold.get("mahs"))).containsExactly("HuaxiaVaccineMSP");
            story.refused(Parties.HUAXIA, "custody:hold", Json.obj("holdId", "H1", "codes", List.of(vials.get(4)),
                    "reason", "again"), ErrorCode.HOLD_EXISTS);
        }

        @Test
        void batch_holds_are_for_the_mah_or_a_regulator_only() {
            story.refused(Parties.SHEN, "custody:hold", Json.obj("holdId", "BH", "batchIds",
                    List.of(Story.VACCINE_BATCH), "reason", "x"), ErrorCode.ACCESS_DENIED);
            story.refused(TestOrgs.OTHER_MAKER, "custody:hold", Json.obj("holdId", "BH", "batchIds",
                    List.of(Story.VACCINE_BATCH), "reason", "x"), ErrorCode.NOT_MAH);
            story.ok(Parties.MPA, "custody:hold", Json.obj("holdId", "BH", "batchIds",
                    List.of(Story.VACCINE_BATCH), "reason", "x"));
            assertThat(story.state("batch", Story.VACCINE_BATCH).get("holds").get(0).get("holdId").asText())
                    .isEqualTo("BH");
        }

        @Test
        void codes_and_batch_ids_together_are_refused() {
            assertThat(story.refused(Parties.MPA, "custody:hold", Json.obj("holdId", "X", "codes", List.of(box),
                    "batchIds", List.of(Story.VACCINE_BATCH), "reason", "x"), ErrorCode.INVALID_ARGUMENT))
                    .contains("either codes or batchIds");
        }

        @Test
        void a_custodian_hold_may_be_released_by_its_placer_the_mah_or_a_regulator_but_no_one_else() {
            deliveredToCdc(List.of(vials.get(4), vials.get(5)));
            story.ok(Parties.MINHANG, "custody:hold", Json.obj("holdId", "CDC-H", "codes", List.of(vials.get(4)),
                    "reason", "vvm check"));
            story.refused(Parties.SHEN, "custody:release", Json.obj("holdId", "CDC-H"), ErrorCode.NOT_MAH);
            story.ok(Parties.MINHANG, "custody:release", Json.obj("holdId", "CDC-H"));
            assertThat(story.refused(Parties.MINHANG, "custody:release", Json.obj("holdId", "CDC-H"),
                    ErrorCode.HOLD_NOT_FOUND)).contains("released already");
            story.ok(Parties.MINHANG, "custody:hold", Json.obj("holdId", "CDC-H2", "codes", List.of(vials.get(4)),
                    "reason", "vvm check"));
            story.ok(Parties.HUAXIA, "custody:release", Json.obj("holdId", "CDC-H2"));
        }

        @Test
        void the_mah_may_hold_its_goods_wherever_they_are() {
            deliveredToCdc(List.of(vials.get(4)));
            story.ok(Parties.HUAXIA, "custody:hold", Json.obj("holdId", "MAH-H", "codes", List.of(vials.get(4)),
                    "reason", "complaint"));
            story.refused(TestOrgs.OTHER_MAKER, "custody:hold", Json.obj("holdId", "X", "codes",
                    List.of(vials.get(4)), "reason", "x"), ErrorCode.NOT_CUSTODIAN);
        }
    }

    @Nested
    class Dispense {
        @BeforeEach
        void atTheCdc() {
            deliveredToCdc(List.of(box, vials.get(4)));
        }

        @Test
        void a_packed_vial_is_unpacked_implicitly_and_dispensed_once() {
            JsonNode response = story.ok(Parties.MINHANG, "custody:dispense", Json.obj("codes",
                    List.of(vials.get(0))));
            assertThat(response.get("eventIds")).hasSize(2);
            assertThat(story.state("containedIn", vials.get(0))).isNull();
            JsonNode vial = story.unit(vials.get(0));
            assertThat(vial.get("status").asText()).isEqualTo("dispensed");
            assertThat(vial.get("dispense").get("by").asText()).isEqualTo("MinhangCdcMSP");
            String message = story.refused(Parties.MINHANG, "custody:dispense", Json.obj("codes",
                    List.of(vials.get(0))), ErrorCode.UNIT_ALREADY_DISPENSED);
            assertThat(message).isEqualTo("[UNIT_ALREADY_DISPENSED] unit " + vials.get(0) + " was dispensed at "
                    + vial.get("dispense").get("at").asText() + " by MinhangCdcMSP");
            story.refused(Parties.RENJI, "custody:dispense", Json.obj("codes", List.of(vials.get(0))),
                    ErrorCode.UNIT_ALREADY_DISPENSED);
        }

        @Test
        void only_a_dispenser_that_holds_the_goods_dispenses() {
            story.refused(Parties.RENJI, "custody:dispense", Json.obj("codes", List.of(vials.get(4))),
                    ErrorCode.NOT_CUSTODIAN);
            story.refused(Parties.SHEN, "custody:dispense", Json.obj("codes", List.of(vials.get(4))),
                    ErrorCode.ACCESS_DENIED);
            story.refused(Parties.MINHANG, "custody:dispense", Json.obj("codes", List.of(vials.get(5))),
                    ErrorCode.NOT_CUSTODIAN);
        }

        @Test
        void held_goods_are_not_dispensed() {
            story.ok(Parties.MINHANG, "custody:hold", Json.obj("holdId", "H", "codes", List.of(vials.get(4)),
                    "reason", "x"));
            story.refused(Parties.MINHANG, "custody:dispense", Json.obj("codes", List.of(vials.get(4))),
                    ErrorCode.UNIT_HELD);
        }

        @Test
        void a_quantity_needs_lot_based_goods() {
            story.refused(Parties.MINHANG, "custody:dispense", Json.obj("codes", List.of(vials.get(4)),
                    "quantity", Map.of("value", 1, "uom", "EA")), ErrorCode.INVALID_ARGUMENT);
            assertThat(story.refused(Parties.MINHANG, "custody:dispense", Json.obj("codes", List.of(vials.get(4),
                    box), "quantity", Map.of("value", 1, "uom", "EA")), ErrorCode.INVALID_ARGUMENT))
                    .contains("quantity");
        }
    }

    @Nested
    class Administer {
        @BeforeEach
        void atTheCdc() {
            deliveredToCdc(List.of(box, vials.get(4)));
        }

        @Test
        void keeps_only_the_salted_hash_of_the_vaccinee() throws Exception {
            byte[] id = "310101199001011234".getBytes(StandardCharsets.UTF_8);
            story.submit(Parties.MINHANG, "custody:administer", Json.obj("codes", List.of(vials.get(4))),
                    Map.of("vaccineeId", id, "vaccineeSalt", SALT));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SALT);
            sha.update((byte) 0);
            String expected = HexFormat.of().formatHex(sha.digest(id));
            JsonNode vial = story.unit(vials.get(4));
            assertThat(vial.get("dispense").toString()).isEqualTo("{\"at\":\"" + vial.get("updatedAt").asText()
                    + "\",\"by\":\"MinhangCdcMSP\",\"kind\":\"vaccination\",\"vaccineeHash\":\"" + expected + "\"}");
            story.harness().ledger().snapshot().values().forEach(value ->
                    assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain("310101199001011234"));
            assertThat(story.refused(ErrorCode.UNIT_ALREADY_DISPENSED, () -> story.submit(Parties.MINHANG,
                    "custody:administer", Json.obj("codes", List.of(vials.get(4))),
                    Map.of("vaccineeId", id, "vaccineeSalt", SALT)))).contains("administered");
        }

        @Test
        void without_the_transient_vaccinee_or_with_a_short_salt_it_is_refused() {
            assertThat(story.refused(Parties.MINHANG, "custody:administer", Json.obj("codes",
                    List.of(vials.get(4))), ErrorCode.INVALID_ARGUMENT)).contains("vaccineeId");
            assertThat(story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.submit(Parties.MINHANG,
                    "custody:administer", Json.obj("codes", List.of(vials.get(4))), Map.of("vaccineeId",
                            "x".getBytes(StandardCharsets.UTF_8), "vaccineeSalt", new byte[15])))).contains("vaccineeSalt");
        }

        @Test
        void a_box_is_not_a_dose() {
            story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.submit(Parties.MINHANG, "custody:administer",
                    Json.obj("codes", List.of(box)), Map.of("vaccineeId", "x".getBytes(StandardCharsets.UTF_8),
                            "vaccineeSalt", SALT)));
        }
    }

    @Nested
    class ReturnAndDestroy {
        @Test
        void held_goods_may_be_returned_and_received_back_without_a_temperature_record_only_if_unusable() {
            deliveredToCdc(List.of(vials.get(4)));
            story.ok(Parties.MINHANG, "custody:hold", Json.obj("holdId", "H", "codes", List.of(vials.get(4)),
                    "reason", "damaged carton"));
            JsonNode shipment = story.ok(Parties.MINHANG, "custody:return", Json.obj("shipmentId", "RET-1",
                    "codes", List.of(vials.get(4)), "to", "HuaxiaVaccineMSP", "reason", "damaged carton"))
                    .get("shipment");
            assertThat(shipment.get("returnShipment").asBoolean()).isTrue();
            assertThat(shipment.get("coldChainRequired").asBoolean()).isTrue();
            assertThat(story.unit(vials.get(4)).get("returned").asBoolean()).isTrue();
            story.harness().advance(Duration.ofHours(3));
            story.anchored("2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z");
            story.ok(Parties.HUAXIA, "custody:receive", Json.obj("shipmentId", "RET-1"));
            assertThat(story.unit(vials.get(4)).get("custodian").asText()).isEqualTo("HuaxiaVaccineMSP");
        }

        @Test
        void destroyed_goods_are_final() {
            story.ok(Parties.HUAXIA, "custody:destroy", Json.obj("codes", List.of(box), "reason", "expired stock",
                    "method", "incineration"));
            assertThat(story.unit(vials.get(1)).get("status").asText()).isEqualTo("destroyed");
            story.refused(Parties.HUAXIA, "custody:destroy", Json.obj("codes", List.of(box), "reason", "again"),
                    ErrorCode.UNIT_DESTROYED);
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes", List.of(box),
                    "to", "ShenDistMSP"), ErrorCode.UNIT_DESTROYED);
        }
    }
}
