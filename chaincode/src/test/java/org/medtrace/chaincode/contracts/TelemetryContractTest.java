// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

class TelemetryContractTest {
    private final Story story = new Story();
    private List<String> vials;
    private String box;

    @BeforeEach
    void goods() {
        story.vaccineBatchRegistered().released();
        vials = story.commissioned("V", 3, 1);
        box = story.commissioned("BOX", 1, 2).get(0);
        story.packed(Parties.HUAXIA, box, vials.subList(0, 2));
        story.harness().advance(Duration.ofDays(1));
    }

    @Nested
    class Loggers {
        @Test
        void registering_and_revoking_a_logger() {
            JsonNode logger = story.ok(Parties.COLDLINK, "telemetry:registerLogger", Json.obj("loggerId",
                    Story.LOGGER, "model", "LogTag UTRID-16")).get("logger");
            assertThat(logger.get("owner").asText()).isEqualTo("ColdLinkMSP");
            story.refused(Parties.COLDLINK, "telemetry:registerLogger", Json.obj("loggerId", Story.LOGGER),
                    ErrorCode.LOGGER_EXISTS);
            story.refused(Parties.COLDLINK_LOGGER, "telemetry:registerLogger", Json.obj("loggerId",
                    "88.118.7700/L9"), ErrorCode.ACCESS_DENIED);
            story.refused(Parties.SHEN, "telemetry:revokeLogger", Json.obj("loggerId", Story.LOGGER),
                    ErrorCode.ACCESS_DENIED);
            story.ok(Parties.COLDLINK, "telemetry:revokeLogger", Json.obj("loggerId", Story.LOGGER));
            story.refused(Parties.COLDLINK, "telemetry:revokeLogger", Json.obj("loggerId", Story.LOGGER),
                    ErrorCode.LOGGER_REVOKED);
            assertThat(story.read(Parties.MPA, "telemetry:getLogger", Json.obj("id", Story.LOGGER))
                    .get("active").asBoolean()).isFalse();
            story.refused(Parties.HUAXIA, "telemetry:associate", Json.obj("loggerId", Story.LOGGER,
                    "targets", List.of(box)), ErrorCode.LOGGER_REVOKED);
            story.refused(ErrorCode.LOGGER_NOT_FOUND, () -> story.harness().evaluate(Parties.MPA,
                    "telemetry:getLogger", Json.obj("id", "88.118.7700/NONE").toString()));
        }
    }

    @Nested
    class Associate {
        @Test
        void writes_both_edges_and_refuses_twice_and_strangers() {
            story.loggerAssociated(Parties.HUAXIA, List.of(box));
            JsonNode edge = story.state("association", Story.LOGGER, box);
            assertThat(edge).isEqualTo(story.state("associatedLogger", box, Story.LOGGER));
            assertThat(edge.get("target").asText()).isEqualTo(box);
            story.refused(Parties.HUAXIA, "telemetry:associate", Json.obj("loggerId", Story.LOGGER, "targets",
                    List.of(box)), ErrorCode.INVALID_ARGUMENT);
            story.refused(Parties.SHEN, "telemetry:associate", Json.obj("loggerId", Story.LOGGER, "targets",
                    List.of(vials.get(2))), ErrorCode.NOT_CUSTODIAN);
        }

        @Test
        void dissociate_by_the_custodian_is_allowed_by_others_refused() {
            story.loggerAssociated(Parties.HUAXIA, List.of(box, vials.get(2)));
            story.refused(Parties.SHEN, "telemetry:dissociate", Json.obj("loggerId", Story.LOGGER, "targets",
                    List.of(box)), ErrorCode.NOT_CUSTODIAN);
            story.ok(Parties.HUAXIA, "telemetry:dissociate", Json.obj("loggerId", Story.LOGGER, "targets",
                    List.of(box)));
            assertThat(story.state("association", Story.LOGGER, box)).isNull();
            assertThat(story.state("association", Story.LOGGER, vials.get(2))).isNotNull();
        }

        @Test
        void dissociate_by_the_owner_removes_every_edge() {
            story.loggerAssociated(Parties.HUAXIA, List.of(box, vials.get(2)));
            assertThat(story.ok(Parties.COLDLINK, "telemetry:dissociate", Json.obj("loggerId", Story.LOGGER))
                    .get("count").asInt()).isEqualTo(2);
            assertThat(story.state("association", Story.LOGGER, box)).isNull();
            assertThat(story.state("associatedLogger", vials.get(2), Story.LOGGER)).isNull();
            story.refused(Parties.HUAXIA, "telemetry:dissociate", Json.obj("loggerId", Story.LOGGER, "targets",
                    List.of(box)), ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class Anchor {
        @BeforeEach
        void logger() {
            story.loggerAssociated(Parties.HUAXIA, List.of(box));
        }

        @Test
        void writes_the_anchor_under_its_window_end_with_exact_bytes() {
            JsonNode response = story.anchored("2026-11-23T08:00:00+08:00", "2026-11-23T09:00:00+08:00");
            assertThat(story.stateText("anchor", Story.LOGGER, "2026-11-23T01:00:00.000Z")).isEqualTo(
                    "{\"anchoredAt\":\"" + response.get("anchor").get("anchoredAt").asText() + "\",\"logger\":\""
                    + Story.LOGGER + "\",\"merkleRoot\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                    + "\"readingCount\":12,\"summary\":{\"bandMaxCelsius\":8,\"bandMinCelsius\":2,\"gapCount\":0,"
                    + "\"longestAboveMinutes\":0,\"longestBelowMinutes\":0,\"longestGapMinutes\":0,"
                    + "\"maxCelsius\":6.4,\"meanCelsius\":4.75,\"minCelsius\":3.1,\"minutesAbove\":0,"
                    + "\"minutesBelow\":0,\"mktCelsius\":4.9},\"windowEnd\":\"2026-11-23T01:00:00.000Z\","
                    + "\"windowStart\":\"2026-11-23T00:00:00.000Z\"}");
            JsonNode event = story.state("event", response.get("eventIds").get(0).asText());
            assertThat(event.get("bizStep").asText()).isEqualTo("sensor_reporting");
            assertThat(Story.ids(event.get("epcList"))).containsExactly(box);
            assertThat(event.get("sensorElementList").get(0).get("sensorReport").get(0).get("maxValue").asDouble())
                    .isEqualTo(6.4);
        }

        @Test
        void windows_come_in_order_and_do_not_overlap() {
            story.anchored("2026-11-23T00:00:00Z", "2026-11-23T01:00:00Z");
            story.refused(Parties.COLDLINK_LOGGER, "telemetry:anchor", Story.anchorRequest("2026-11-23T00:30:00Z",
                    "2026-11-23T01:30:00Z"), ErrorCode.ANCHOR_OUT_OF_ORDER);
            story.refused(Parties.COLDLINK_LOGGER, "telemetry:anchor", Story.anchorRequest("2026-11-22T00:00:00Z",
                    "2026-11-22T01:00:00Z"), ErrorCode.ANCHOR_OUT_OF_ORDER);
            story.anchored("2026-11-23T01:00:00Z", "2026-11-23T02:00:00Z");
        }

        @Test
        void a_revoked_logger_anchors_nothing() {
            story.ok(Parties.COLDLINK, "telemetry:revokeLogger", Json.obj("loggerId", Story.LOGGER));
            story.refused(Parties.COLDLINK_LOGGER, "telemetry:anchor", Story.anchorRequest("2026-11-23T00:00:00Z",
                    "2026-11-23T01:00:00Z"), ErrorCode.LOGGER_REVOKED);
        }

        @Test
        void only_the_owner_logger_or_logistics_identity_anchors() {
            story.refused(Parties.COLDLINK, "telemetry:anchor", Story.anchorRequest("2026-11-23T00:00:00Z",
                    "2026-11-23T01:00:00Z").put("loggerId", "88.118.7700/NONE"), ErrorCode.LOGGER_NOT_FOUND);
            story.refused(Parties.SHEN, "telemetry:anchor", Story.anchorRequest("2026-11-23T00:00:00Z",
                    "2026-11-23T01:00:00Z"), ErrorCode.ACCESS_DENIED);
            story.refused(Parties.HUAXIA, "telemetry:anchor", Story.anchorRequest("2026-11-23T00:00:00Z",
                    "2026-11-23T01:00:00Z"), ErrorCode.ACCESS_DENIED);
            story.ok(Parties.COLDLINK, "telemetry:anchor", Story.anchorRequest("2026-11-23T00:00:00Z",
                    "2026-11-23T01:00:00Z"));
        }

        @Test
        void a_summary_that_contradicts_itself_is_refused_naming_the_field() {
            Map<String, Object> summary = Story.summary();
            summary.put("meanCelsius", 7.0);
            assertThat(story.refused(Parties.COLDLINK_LOGGER, "telemetry:anchor", Json.with(Story.anchorRequest(
                    "2026-11-23T00:00:00Z", "2026-11-23T01:00:00Z"), "summary", summary),
                    ErrorCode.INVALID_ARGUMENT)).contains("summary.meanCelsius");
            summary = Story.summary();
            summary.put("minutesAbove", 61);
            assertThat(story.refused(Parties.COLDLINK_LOGGER, "telemetry:anchor", Json.with(Story.anchorRequest(
                    "2026-11-23T00:00:00Z", "2026-11-23T01:00:00Z"), "summary", summary),
                    ErrorCode.INVALID_ARGUMENT)).contains("summary.minutesAbove");
            assertThat(story.refused(Parties.COLDLINK_LOGGER, "telemetry:anchor", Story.anchorRequest(
                    "2026-11-23T00:00:00Z", "2026-11-23T01:00:00Z").put("merkleRoot", "abc"),
                    ErrorCode.INVALID_ARGUMENT)).contains("merkleRoot");
            story.refused(Parties.COLDLINK_LOGGER, "telemetry:anchor", Story.anchorRequest("2026-11-25T00:00:00Z",
                    "2026-11-25T01:00:00Z"), ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void anchors_are_read_by_window_with_pages() {
            for (int hour = 0; hour < 5; hour++) {
                story.anchored(String.format("2026-11-23T%02d:00:00Z", hour),
                        String.format("2026-11-23T%02d:00:00Z", hour + 1));
            }
            List<String> starts = new ArrayList<>();
            String bookmark = "";
            do {
                JsonNode page = story.read(Parties.MPA, "telemetry:anchors", Json.obj("loggerId", Story.LOGGER,
                        "from", "2026-11-23T01:30:00Z", "to", "2026-11-23T04:00:00Z", "pageSize", 1,
                        "bookmark", bookmark));
                page.get("anchors").forEach(a -> starts.add(a.get("windowStart").asText()));
                bookmark = page.get("bookmark").asText();
            } while (!bookmark.isEmpty());
            assertThat(starts).containsExactly("2026-11-23T01:00:00.000Z", "2026-11-23T02:00:00.000Z",
                    "2026-11-23T03:00:00.000Z");
        }
    }

    @Nested
    class Excursion {
        @BeforeEach
        void logger() {
            story.loggerAssociated(Parties.HUAXIA, List.of(box));
        }

        private Map<String, Object> excursion(final String id) {
            return Map.of("excursionId", id, "loggerId", Story.LOGGER, "kind", "high",
                    "startedAt", "2026-11-23T20:00:00Z", "minutes", 75, "peakCelsius", 11.2,
                    "rule", "> 8 C for 60 min");
        }

        @Test
        void holds_every_tree_associated_with_the_logger_until_the_mah_releases_it() {
            JsonNode response = story.ok(Parties.COLDLINK, "telemetry:excursion", Json.obj(excursion("EX-1")));
            assertThat(response.get("excursion").get("heldCodes").asInt()).isEqualTo(3);
            assertThat(story.unit(vials.get(1)).get("holds").get(0).get("reason").asText())
                    .isEqualTo("temperature_excursion");
            assertThat(story.unit(vials.get(2)).get("holds").size()).isZero();
            JsonNode event = story.state("event", response.get("eventIds").get(0).asText());
            assertThat(event.get("disposition").asText()).isEqualTo("non_conformant");
            assertThat(event.get("sensorElementList").get(0).get("sensorReport").get(0).get("exception").asText())
                    .isEqualTo("ALARM_CONDITION");
            story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes", List.of(box),
                    "to", "ShenDistMSP"), ErrorCode.UNIT_HELD);
            story.refused(Parties.COLDLINK, "custody:release", Json.obj("holdId", "EX-1"), ErrorCode.NOT_MAH);
            story.refused(TestOrgs.OTHER_MAKER, "custody:release", Json.obj("holdId", "EX-1"), ErrorCode.NOT_MAH);
            story.ok(Parties.HUAXIA, "custody:release", Json.obj("holdId", "EX-1"));
            story.shipped(Parties.HUAXIA, "S", List.of(box), Parties.SHEN);
        }

        @Test
        void with_nothing_associated_it_is_recorded_without_a_hold() {
            story.ok(Parties.COLDLINK, "telemetry:dissociate", Json.obj("loggerId", Story.LOGGER));
            JsonNode excursion = story.ok(Parties.COLDLINK, "telemetry:excursion", Json.obj(excursion("EX-1")))
                    .get("excursion");
            assertThat(excursion.get("heldCodes").asInt()).isZero();
            assertThat(excursion.has("holdId")).isFalse();
            assertThat(story.state("hold", "EX-1")).isNull();
        }

        @Test
        void is_reported_once_by_the_owner_only() {
            story.refused(Parties.SHEN, "telemetry:excursion", Json.obj(excursion("EX-1")), ErrorCode.ACCESS_DENIED);
            story.ok(Parties.COLDLINK_LOGGER, "telemetry:excursion", Json.obj(excursion("EX-1")));
            story.refused(Parties.COLDLINK, "telemetry:excursion", Json.obj(excursion("EX-1")),
                    ErrorCode.EXCURSION_EXISTS);
            story.ok(Parties.HUAXIA, "custody:hold", Json.obj("holdId", "EX-2", "codes", List.of(vials.get(2)),
                    "reason", "x"));
            story.refused(Parties.COLDLINK, "telemetry:excursion", Json.obj(excursion("EX-2")), ErrorCode.HOLD_EXISTS);
        }
    }
}
