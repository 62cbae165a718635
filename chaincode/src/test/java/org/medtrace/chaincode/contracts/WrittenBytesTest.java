// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * The exact bytes each write path puts on the ledger (sorted keys, no white space, no nulls, fixed instants), for the
 * write paths whose contract tests check fields rather than bytes. A Fabric peer compares endorsements byte for
 * byte, so any change here is a change of the contract.
 */
class WrittenBytesTest {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private final Story story = new Story();
    private List<String> vials;

    @BeforeEach
    void goods() {
        story.vaccineBatchRegistered().released();
        vials = story.commissioned("V", 3, 1);
    }

    /** @return the timestamp the next transaction gets, as the ledger writes it */
    private String next() {
        return INSTANT.format(story.harness().now());
    }

    private static String event(final JsonNode response) {
        return response.get("eventIds").get(response.get("eventIds").size() - 1).asText();
    }

    private String unitBytes(final String id, final String custodian, final String eventId, final String at,
            final String middle) {
        return "{\"batchId\":\"88.118.8866/B-20261101\",\"commissionedAt\":\"2026-11-23T02:00:04.000Z\","
                + "\"custodian\":\"" + custodian + "\"," + middle + "\"id\":\"" + id + "\",\"kind\":\"unit\","
                + "\"lastEventId\":\"" + eventId + "\",\"lastEventTime\":\"" + at + "\",";
    }

    private String unitTail(final String status, final String at, final String extra) {
        return extra + "\"status\":\"" + status + "\",\"updatedAt\":\"" + at + "\"}";
    }

    @Nested
    class UnitPaths {
        @Test
        void commission_containers() {
            String at = next();
            String eventId = event(story.ok(Parties.SHEN, "unit:commissionContainers", Json.obj("containerType",
                    "tote", "codes", List.of("88.118.9000/T1"))));
            assertThat(story.stateText("unit", "88.118.9000/T1")).isEqualTo("{\"commissionedAt\":\"" + at
                    + "\",\"containerType\":\"tote\",\"custodian\":\"ShenDistMSP\",\"holds\":[],\"id\":"
                    + "\"88.118.9000/T1\",\"kind\":\"container\",\"lastEventId\":\"" + eventId + "\",\"lastEventTime\":\""
                    + at + "\",\"returned\":false,"
                    + "\"status\":\"active\",\"updatedAt\":\"" + at + "\"}");
        }

        @Test
        void commission_and_decommission_count_on_the_batch() {
            String commissioning = story.unit(vials.get(0)).get("lastEventId").asText();
            assertThat(story.stateText("batch", Story.VACCINE_BATCH)).isEqualTo(batchBytes(3, commissioning));
            String eventId = event(story.ok(Parties.HUAXIA, "unit:decommission", Json.obj("codes",
                    List.of(vials.get(0)), "reason", "misprint")));
            assertThat(story.stateText("batch", Story.VACCINE_BATCH)).isEqualTo(batchBytes(2, eventId));
        }

        private String batchBytes(final int count, final String eventId) {
            return "{\"batchNumber\":\"20261101\",\"commissioned\":[{\"count\":" + count + ",\"packageLevel\":1}],"
                    + "\"expiryDate\":\"2028-10-31\",\"holds\":[],\"id\":\"88.118.8866/B-20261101\",\"lastEventId\":\""
                    + eventId + "\",\"lotRelease\":{\"certificateNumber\":\"SP2026110001\",\"issuer\":"
                    + "\"上海市食品药品检验研究院\",\"issuerMsp\":\"ShanghaiIdcMSP\",\"releaseDate\":\"2026-11-20\"},"
                    + "\"mah\":\"HuaxiaVaccineMSP\",\"productId\":\"88.118.8866/P-HEPB10\",\"productionDate\":"
                    + "\"2026-11-01\",\"quantity\":{\"uom\":\"EA\",\"value\":50000},\"registeredAt\":"
                    + "\"2026-11-23T02:00:02.000Z\",\"sourceLots\":[]}";
        }

        @Test
        void decommission() {
            String at = next();
            String eventId = event(story.ok(Parties.HUAXIA, "unit:decommission", Json.obj("codes",
                    List.of(vials.get(0)), "reason", "misprint")));
            assertThat(story.stateText("unit", vials.get(0))).isEqualTo(unitBytes(vials.get(0), "HuaxiaVaccineMSP",
                    eventId, at, "\"holds\":[],") + "\"packageLevel\":1,\"productId\":\"88.118.8866/P-HEPB10\","
                    + unitTail("decommissioned", at, "\"returned\":false,"));
        }
    }

    @Nested
    class CustodyPaths {
        @Test
        void receive_store_and_return() {
            story.loggerAssociated(Parties.HUAXIA, List.of(vials.get(0)));
            String shipped = next();
            story.shipped(Parties.HUAXIA, "S1", List.of(vials.get(0)), Parties.RENJI);
            story.harness().advance(Duration.ofHours(1));
            story.anchored("2026-11-23T02:00:00Z", "2026-11-23T03:00:00Z");
            String at = next();
            String eventId = event(story.ok(Parties.RENJI, "custody:receive", Json.obj("shipmentId", "S1",
                    "bizLocation", "88.118.5100/PHARMACY")));
            assertThat(story.stateText("unit", vials.get(0))).isEqualTo(unitBytes(vials.get(0), "RenjiHospitalMSP",
                    eventId, at, "\"holds\":[],") + "\"location\":\"88.118.5100/PHARMACY\",\"packageLevel\":1,"
                    + "\"productId\":\"88.118.8866/P-HEPB10\"," + unitTail("active", at, "\"returned\":false,"));
            assertThat(story.stateText("shipment", "S1")).isEqualTo("{\"codes\":[\"" + vials.get(0) + "\"],"
                    + "\"coldChainRequired\":true,\"from\":\"HuaxiaVaccineMSP\",\"id\":\"S1\",\"loggers\":[\""
                    + Story.LOGGER + "\"],"
                    + "\"receivedAt\":\"" + at + "\",\"receivedCodes\":[\"" + vials.get(0) + "\"],"
                    + "\"returnShipment\":false,\"shippedAt\":\"" + shipped + "\",\"status\":\"received\","
                    + "\"to\":\"RenjiHospitalMSP\"}");

            at = next();
            eventId = event(story.ok(Parties.RENJI, "custody:store", Json.obj("codes", List.of(vials.get(0)),
                    "location", "88.118.5100/FRIDGE-1")));
            assertThat(story.stateText("unit", vials.get(0))).isEqualTo(unitBytes(vials.get(0), "RenjiHospitalMSP",
                    eventId, at, "\"holds\":[],") + "\"location\":\"88.118.5100/FRIDGE-1\",\"packageLevel\":1,"
                    + "\"productId\":\"88.118.8866/P-HEPB10\"," + unitTail("active", at, "\"returned\":false,"));

            at = next();
            eventId = event(story.ok(Parties.RENJI, "custody:return", Json.obj("shipmentId", "R1", "codes",
                    List.of(vials.get(0)), "to", "HuaxiaVaccineMSP", "reason", "surplus")));
            assertThat(story.stateText("unit", vials.get(0))).isEqualTo(unitBytes(vials.get(0), "RenjiHospitalMSP",
                    eventId, at, "\"holds\":[],") + "\"location\":\"88.118.5100/FRIDGE-1\",\"packageLevel\":1,"
                    + "\"pendingReceiver\":\"HuaxiaVaccineMSP\",\"productId\":\"88.118.8866/P-HEPB10\","
                    + unitTail("in_transit", at, "\"returned\":true,\"shipmentId\":\"R1\","));
        }

        @Test
        void cancel_shipment() {
            String shipped = next();
            story.shipped(Parties.HUAXIA, "S1", List.of(vials.get(0)), Parties.SHEN);
            String at = next();
            String eventId = event(story.ok(Parties.HUAXIA, "custody:cancelShipment", Json.obj("shipmentId", "S1",
                    "reason", "wrong consignee")));
            assertThat(story.stateText("unit", vials.get(0))).isEqualTo(unitBytes(vials.get(0), "HuaxiaVaccineMSP",
                    eventId, at, "\"holds\":[],") + "\"packageLevel\":1,\"productId\":\"88.118.8866/P-HEPB10\","
                    + unitTail("active", at, "\"returned\":false,"));
            assertThat(story.stateText("shipment", "S1")).isEqualTo("{\"cancelReason\":\"wrong consignee\","
                    + "\"cancelledAt\":\"" + at + "\",\"cancelledCodes\":[\"" + vials.get(0) + "\"],\"codes\":[\""
                    + vials.get(0) + "\"],\"coldChainRequired\":true,\"from\":\"HuaxiaVaccineMSP\",\"id\":\"S1\","
                    + "\"loggers\":[],\"receivedCodes\":[],\"returnShipment\":false,\"shippedAt\":\"" + shipped
                    + "\",\"status\":\"cancelled\",\"to\":\"ShenDistMSP\"}");
        }

        @Test
        void hold_inspect_and_release() {
            String at = next();
            String eventId = event(story.ok(Parties.MPA, "custody:hold", Json.obj("holdId", "H-1", "codes",
                    List.of(vials.get(1)), "reason", "complaint")));
            String entry = "\"holds\":[{\"holdId\":\"H-1\",\"placedAt\":\"" + at + "\",\"placedBy\":\"ShanghaiMpaMSP\","
                    + "\"reason\":\"complaint\"}],";
            assertThat(story.stateText("unit", vials.get(1))).isEqualTo(unitBytes(vials.get(1), "HuaxiaVaccineMSP",
                    eventId, at, entry) + "\"packageLevel\":1,\"productId\":\"88.118.8866/P-HEPB10\","
                    + unitTail("active", at, "\"returned\":false,"));
            assertThat(story.stateText("hold", "H-1")).isEqualTo("{\"codes\":[\"" + vials.get(1) + "\"],"
                    + "\"heldCodes\":[\"" + vials.get(1) + "\"],\"id\":\"H-1\",\"mahs\":[\"HuaxiaVaccineMSP\"],"
                    + "\"placedAt\":\"" + at + "\",\"placedBy\":\"ShanghaiMpaMSP\",\"placedByRole\":\"regulator\","
                    + "\"reason\":\"complaint\",\"status\":\"active\"}");

            String released = next();
            story.ok(Parties.HUAXIA, "custody:release", Json.obj("holdId", "H-1"));
            assertThat(story.stateText("hold", "H-1")).isEqualTo("{\"codes\":[\"" + vials.get(1) + "\"],"
                    + "\"heldCodes\":[\"" + vials.get(1) + "\"],\"id\":\"H-1\",\"mahs\":[\"HuaxiaVaccineMSP\"],"
                    + "\"placedAt\":\"" + at + "\",\"placedBy\":\"ShanghaiMpaMSP\",\"placedByRole\":\"regulator\","
                    + "\"reason\":\"complaint\",\"releasedAt\":\"" + released + "\",\"releasedBy\":\"HuaxiaVaccineMSP\","
                    + "\"status\":\"released\"}");

            JsonNode inspected = story.ok(Parties.HUAXIA, "custody:inspect", Json.obj("codes",
                    List.of(vials.get(2)), "result", "non_conformant"));
            String holdId = inspected.get("holdId").asText();
            assertThat(holdId).isEqualTo("inspection:" + inspected.get("txId").asText());
            assertThat(story.state("hold", holdId).get("reason").asText()).isEqualTo("inspection_failed");
        }

        @Test
        void dispense_and_destroy() {
            String at = next();
            String eventId = event(story.ok(TestOrgs.MAKER_PHARMACY, "custody:dispense", Json.obj("codes",
                    List.of(vials.get(0)))));
            assertThat(story.stateText("unit", vials.get(0))).isEqualTo(unitBytes(vials.get(0), "HuaxiaVaccineMSP",
                    eventId, at, "\"dispense\":{\"at\":\"" + at + "\",\"by\":\"HuaxiaVaccineMSP\",\"kind\":"
                            + "\"dispensing\"},\"holds\":[],") + "\"packageLevel\":1,\"productId\":"
                    + "\"88.118.8866/P-HEPB10\"," + unitTail("dispensed", at, "\"returned\":false,"));
            at = next();
            eventId = event(story.ok(Parties.HUAXIA, "custody:destroy", Json.obj("codes", List.of(vials.get(1)),
                    "reason", "broken")));
            assertThat(story.stateText("unit", vials.get(1))).isEqualTo(unitBytes(vials.get(1), "HuaxiaVaccineMSP",
                    eventId, at, "\"holds\":[],") + "\"packageLevel\":1,\"productId\":\"88.118.8866/P-HEPB10\","
                    + unitTail("destroyed", at, "\"returned\":false,"));
        }
    }

    @Nested
    class ParameterPaths {
        @Test
        void set() {
            String at = next();
            String eventId = event(story.ok(Parties.MPA, "parameters:set", Json.obj("name", "eventTimeSkewSeconds",
                    "value", 120, "reason", "NTP everywhere")));
            assertThat(story.stateText("parameter", "eventTimeSkewSeconds")).isEqualTo("{\"lastEventId\":\""
                    + eventId + "\",\"name\":\"eventTimeSkewSeconds\",\"reason\":\"NTP everywhere\","
                    + "\"setAt\":\"" + at + "\",\"setBy\":\"ShanghaiMpaMSP\",\"value\":120}");
        }
    }

    @Nested
    class TelemetryPaths {
        @Test
        void logger_association_and_excursion() {
            String registered = next();
            story.ok(Parties.COLDLINK, "telemetry:registerLogger", Json.obj("loggerId", Story.LOGGER, "model",
                    "LogTag", "calibrationDueDate", "2027-06-30"));
            assertThat(story.stateText("logger", Story.LOGGER)).isEqualTo("{\"active\":true,\"calibrationDueDate\":"
                    + "\"2027-06-30\",\"id\":\"" + Story.LOGGER + "\",\"model\":\"LogTag\",\"owner\":\"ColdLinkMSP\","
                    + "\"registeredAt\":\"" + registered + "\"}");
            String at = next();
            String eventId = event(story.ok(Parties.HUAXIA, "telemetry:associate", Json.obj("loggerId", Story.LOGGER,
                    "targets", List.of(vials.get(0)))));
            assertThat(story.stateText("association", Story.LOGGER, vials.get(0))).isEqualTo("{\"eventId\":\""
                    + eventId + "\",\"logger\":\"" + Story.LOGGER + "\",\"since\":\"" + at + "\",\"target\":\""
                    + vials.get(0) + "\"}");
            story.harness().advance(Duration.ofHours(1));
            String reported = next();
            story.ok(Parties.COLDLINK, "telemetry:excursion", Json.obj(Map.of("excursionId", "EX-9", "loggerId",
                    Story.LOGGER, "kind", "low", "startedAt", "2026-11-23T02:30:00Z", "minutes", 61, "rule",
                    "<= -0.5 C for 60 min")));
            assertThat(story.stateText("excursion", "EX-9")).isEqualTo("{\"heldCodes\":1,\"holdId\":\"EX-9\","
                    + "\"id\":\"EX-9\",\"kind\":\"low\",\"logger\":\"" + Story.LOGGER + "\",\"minutes\":61,"
                    + "\"reportedAt\":\"" + reported + "\",\"reportedBy\":\"ColdLinkMSP\",\"rule\":\"<= -0.5 C for 60 min\","
                    + "\"startedAt\":\"2026-11-23T02:30:00.000Z\"}");
            String revoked = next();
            story.ok(Parties.COLDLINK, "telemetry:revokeLogger", Json.obj("loggerId", Story.LOGGER));
            assertThat(new String(story.harness().ledger().get(new org.hyperledger.fabric.shim.ledger.CompositeKey(
                    "logger", Story.LOGGER).toString()), StandardCharsets.UTF_8)).isEqualTo("{\"active\":false,"
                    + "\"calibrationDueDate\":\"2027-06-30\",\"id\":\"" + Story.LOGGER + "\",\"model\":\"LogTag\","
                    + "\"owner\":\"ColdLinkMSP\",\"registeredAt\":\"" + registered + "\",\"revokedAt\":\"" + revoked
                    + "\"}");
        }
    }
}
