// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * Events come in time order: an event may not be dated before the last event of any code it touches (nor a receipt
 * before its shipment, nor commissioning before the batch was produced), nor more than the ledger parameter
 * {@code eventTimeSkewSeconds} after the transaction timestamp.
 */
class EventTimeTest {
    private final Story story = new Story();
    private List<String> vials;

    @BeforeEach
    void goods() {
        story.vaccineBatchRegistered().released();
        vials = story.commissioned("V", 4, 1);
    }

    /** @return the instant {@code seconds} after the next transaction's timestamp, as request text */
    private String ahead(final long seconds) {
        return story.harness().now().plusSeconds(seconds).toString();
    }

    @Nested
    class Order {
        @Test
        void when_an_event_is_dated_before_the_codes_last_event_it_is_refused_naming_both_times() {
            String commissioned = story.unit(vials.get(0)).get("lastEventTime").asText();
            String message = story.refused(Parties.HUAXIA, "unit:decommission", Json.obj("codes",
                    List.of(vials.get(0)), "reason", "misprint", "eventTime", "2001-01-01T00:00:00Z"),
                    ErrorCode.EVENT_TIME_OUT_OF_ORDER);
            assertThat(message).contains(vials.get(0)).contains(commissioned)
                    .contains("2001-01-01T00:00:00.000Z");
        }

        @Test
        void when_an_event_is_dated_at_or_after_the_last_event_it_is_accepted_and_becomes_the_last() {
            String commissioned = story.unit(vials.get(0)).get("lastEventTime").asText();
            story.ok(Parties.HUAXIA, "custody:store", Json.obj("codes", List.of(vials.get(0)), "location",
                    "88.118.8866/WH-1", "eventTime", commissioned));
            story.ok(Parties.HUAXIA, "custody:inspect", Json.obj("codes", List.of(vials.get(0)), "result",
                    "conformant", "eventTime", ahead(60)));
            assertThat(Instant.parse(story.unit(vials.get(0)).get("lastEventTime").asText()))
                    .isAfter(Instant.parse(commissioned));
            story.refused(Parties.HUAXIA, "custody:store", Json.obj("codes", List.of(vials.get(0)), "location",
                    "88.118.8866/WH-2", "eventTime", commissioned), ErrorCode.EVENT_TIME_OUT_OF_ORDER);
        }

        @Test
        void every_code_of_a_tree_counts_also_after_packing() {
            String box = story.commissioned("BOX", 1, 2).get(0);
            String packedAt = ahead(120);
            story.ok(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", box, "children", vials.subList(0, 2),
                    "eventTime", packedAt));
            // the box's tree was packed at packedAt: shipping it before then is refused, on whichever code
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S1", "codes", List.of(box),
                    "to", "ShenDistMSP", "eventTime", ahead(60)), ErrorCode.EVENT_TIME_OUT_OF_ORDER);
            story.refused(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", box, "eventTime", ahead(60)),
                    ErrorCode.EVENT_TIME_OUT_OF_ORDER);
            story.ok(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S1", "codes", List.of(box),
                    "to", "ShenDistMSP", "eventTime", packedAt));
        }

        @Test
        void when_a_receipt_is_dated_before_its_shipment_it_is_refused() {
            story.loggerAssociated(Parties.HUAXIA, List.of(vials.get(0)));
            story.shipped(Parties.HUAXIA, "S1", List.of(vials.get(0)), Parties.SHEN);
            story.harness().advance(Duration.ofHours(1));
            story.anchored("2026-11-23T02:00:00Z", "2026-11-23T02:30:00Z");
            assertThat(story.refused(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "S1", "eventTime",
                    "2026-11-23T01:00:00Z"), ErrorCode.EVENT_TIME_OUT_OF_ORDER)).contains("shipment S1 was shipped at");
        }

        @Test
        void when_codes_are_commissioned_before_the_batch_was_produced_it_is_refused() {
            // produced 2026-11-01 at +08:00, i.e. from 2026-10-31T16:00Z
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", List.of("88.118.8866/EARLY"), "eventTime", "2026-10-31T15:59:59Z"),
                    ErrorCode.EVENT_TIME_OUT_OF_ORDER)).contains("produced on 2026-11-01");
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH, "packageLevel", 1,
                    "codes", List.of("88.118.8866/EARLY"), "eventTime", "2026-10-31T16:00:00Z"));
        }

        @Test
        void a_hold_placed_by_an_excursion_is_dated_in_order_too() {
            story.loggerAssociated(Parties.HUAXIA, List.of(vials.get(1)));
            String associated = story.unit(vials.get(1)).get("lastEventTime").asText();
            assertThat(associated).isEqualTo(story.state("association", Story.LOGGER, vials.get(1)).get("since")
                    .asText());
            story.refused(Parties.COLDLINK, "telemetry:excursion", Json.obj("excursionId", "EX-1", "loggerId",
                    Story.LOGGER, "kind", "high", "startedAt", "2026-11-23T00:00:00Z", "minutes", 30, "rule", "r",
                    "eventTime", "2026-11-23T01:00:00Z"), ErrorCode.EVENT_TIME_OUT_OF_ORDER);
        }
    }

    @Nested
    class Skew {
        @Test
        void an_event_time_up_to_the_skew_ahead_is_accepted_and_beyond_it_refused() {
            story.ok(Parties.HUAXIA, "custody:store", Json.obj("codes", List.of(vials.get(0)), "location",
                    "88.118.8866/WH-1", "eventTime", ahead(300)));
            assertThat(story.refused(Parties.HUAXIA, "custody:store", Json.obj("codes", List.of(vials.get(1)),
                    "location", "88.118.8866/WH-1", "eventTime", ahead(301)), ErrorCode.INVALID_ARGUMENT))
                    .contains("eventTime").contains("300 seconds").contains("eventTimeSkewSeconds");
        }

        @Test
        void a_regulator_sets_the_skew_as_a_ledger_parameter_and_every_rule_applies_it() {
            JsonNode initial = story.read(Parties.SHEN, "parameters:get", Json.obj("name", "eventTimeSkewSeconds"));
            assertThat(initial.get("value").asLong()).isEqualTo(300);
            assertThat(initial.get("defaultValue").asLong()).isEqualTo(300);
            assertThat(initial.has("setBy")).isFalse();

            JsonNode set = story.ok(Parties.MPA, "parameters:set", Json.obj("name", "eventTimeSkewSeconds",
                    "value", 0, "reason", "all members run NTP"));
            assertThat(set.get("parameter").get("value").asLong()).isZero();
            JsonNode event = story.state("event", set.get("eventIds").get(0).asText());
            assertThat(event.get("bizStep").asText()).isEqualTo("other");
            assertThat(event.get("medtrace").get("actorMsp").asText()).isEqualTo("ShanghaiMpaMSP");
            assertThat(event.get("medtrace").get("reason").asText()).isEqualTo("all members run NTP");
            assertThat(event.get("medtrace").get("details").get("previous").asLong()).isEqualTo(300);
            JsonNode stored = story.read(Parties.SHEN, "parameters:get", Json.obj("name", "eventTimeSkewSeconds"));
            assertThat(stored.get("setBy").asText()).isEqualTo("ShanghaiMpaMSP");
            assertThat(stored.get("reason").asText()).isEqualTo("all members run NTP");

            story.refused(Parties.HUAXIA, "custody:store", Json.obj("codes", List.of(vials.get(0)), "location",
                    "88.118.8866/WH-1", "eventTime", ahead(1)), ErrorCode.INVALID_ARGUMENT);
            story.ok(Parties.MPA, "parameters:set", Json.obj("name", "eventTimeSkewSeconds", "value", 3600,
                    "reason", "a member's clock drifts"));
            story.ok(Parties.HUAXIA, "custody:store", Json.obj("codes", List.of(vials.get(0)), "location",
                    "88.118.8866/WH-1", "eventTime", ahead(1800)));
        }

        @Test
        void only_a_regulator_sets_parameters_and_only_known_ones_within_their_bounds() {
            story.refused(Parties.HUAXIA, "parameters:set", Json.obj("name", "eventTimeSkewSeconds", "value", 60,
                    "reason", "r"), ErrorCode.ACCESS_DENIED);
            assertThat(story.refused(Parties.MPA, "parameters:set", Json.obj("name", "eventTimeSkewSeconds",
                    "value", 3601, "reason", "r"), ErrorCode.INVALID_ARGUMENT)).contains("value").contains("0..3600");
            story.refused(Parties.MPA, "parameters:set", Json.obj("name", "eventTimeSkewSeconds", "value", -1,
                    "reason", "r"), ErrorCode.INVALID_ARGUMENT);
            assertThat(story.refused(Parties.MPA, "parameters:set", Json.obj("name", "blockSize", "value", 1,
                    "reason", "r"), ErrorCode.INVALID_ARGUMENT)).contains("eventTimeSkewSeconds");
            story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().evaluate(Parties.MPA,
                    "parameters:get", Json.obj("name", "blockSize").toString()));
        }
    }
}
