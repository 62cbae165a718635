// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Members;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * Bad input on every submit transaction: malformed JSON, unknown fields, missing fields, wrong types, bad
 * identifiers and out-of-range values give INVALID_ARGUMENT or INVALID_IDENTIFIER naming the field, and leave the
 * ledger exactly as it was ({@link Story#refused} checks every key, the events and the height).
 */
class RequestValidationTest {
    private static final String CODE = "88.118.8866/V0001";
    private final Story story = new Story();

    /** A request well-formed enough to pass parsing, and its required fields. */
    record Case(String transaction, ObjectNode request, List<String> required) {
        @Override
        public String toString() {
            return transaction;
        }
    }

    static List<Case> cases() {
        Map<String, Object> quantity = Map.of("value", 1, "uom", "KGM");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("product:register", Story.vaccineProduct(), List.of("id", "kind", "name", "packageLevels")));
        cases.add(new Case("batch:register", Story.vaccineBatch("88.118.8866/B9", "9"),
                List.of("id", "productId", "batchNumber", "productionDate", "expiryDate")));
        cases.add(new Case("batch:recordLotRelease", Json.obj("batchId", Story.VACCINE_BATCH, "certificateNumber",
                "C", "releaseDate", "2026-11-20"), List.of("batchId", "certificateNumber", "releaseDate")));
        for (String change : List.of("member:register", "member:update")) {
            cases.add(new Case(change, Members.request("NewPharmaMSP", List.of(Role.MANUFACTURER)),
                    List.of("msp", "legalName", "creditCode", "roles", "reason")));
        }
        cases.add(new Case("unit:commission", Json.obj("batchId", Story.VACCINE_BATCH, "packageLevel", 1,
                "codes", List.of(CODE)), List.of("batchId", "packageLevel", "codes")));
        cases.add(new Case("unit:commissionContainers", Json.obj("containerType", "case", "codes", List.of(CODE)),
                List.of("containerType", "codes")));
        cases.add(new Case("unit:decommission", Json.obj("codes", List.of(CODE), "reason", "r"),
                List.of("codes", "reason")));
        cases.add(new Case("aggregation:pack", Json.obj("parent", CODE, "children", List.of("88.118.8866/V2")),
                List.of("parent", "children")));
        cases.add(new Case("aggregation:unpack", Json.obj("parent", CODE), List.of("parent")));
        cases.add(new Case("custody:ship", Json.obj("shipmentId", "S", "codes", List.of(CODE), "to", "ShenDistMSP"),
                List.of("shipmentId", "codes", "to")));
        cases.add(new Case("custody:receive", Json.obj("shipmentId", "S"), List.of("shipmentId")));
        cases.add(new Case("custody:cancelShipment", Json.obj("shipmentId", "S", "reason", "r"),
                List.of("shipmentId", "reason")));
        cases.add(new Case("custody:store", Json.obj("codes", List.of(CODE), "location", "88.1/WH"),
                List.of("codes", "location")));
        cases.add(new Case("custody:inspect", Json.obj("codes", List.of(CODE), "result", "conformant"),
                List.of("codes", "result")));
        cases.add(new Case("custody:hold", Json.obj("holdId", "H", "codes", List.of(CODE), "reason", "r"),
                List.of("holdId", "reason")));
        cases.add(new Case("custody:release", Json.obj("holdId", "H"), List.of("holdId")));
        cases.add(new Case("custody:dispense", Json.obj("codes", List.of(CODE)), List.of("codes")));
        cases.add(new Case("custody:administer", Json.obj("codes", List.of(CODE)), List.of("codes")));
        cases.add(new Case("custody:return", Json.obj("shipmentId", "R", "codes", List.of(CODE), "to",
                "HuaxiaVaccineMSP", "reason", "r"), List.of("shipmentId", "codes", "to", "reason")));
        cases.add(new Case("custody:destroy", Json.obj("codes", List.of(CODE), "reason", "r"),
                List.of("codes", "reason")));
        cases.add(new Case("transformation:transform", Json.obj("transformationId", "T", "processingMethod", "m",
                "inputs", List.of(Map.of("code", CODE, "quantity", quantity)),
                "outputs", List.of(Map.of("quantity", quantity, "batch", Map.of("id", "88.1/S", "productId",
                        Story.HERB_SLICE, "batchNumber", "S", "productionDate", "2026-11-01", "expiryDate",
                        "2027-11-01")))), List.of("transformationId", "processingMethod", "inputs", "outputs")));
        cases.add(new Case("recall:create", Json.obj("recallId", "R", "batchIds", List.of(Story.VACCINE_BATCH),
                "level", "I", "reason", "r"), List.of("recallId", "batchIds", "level", "reason")));
        cases.add(new Case("telemetry:registerLogger", Json.obj("loggerId", Story.LOGGER), List.of("loggerId")));
        cases.add(new Case("telemetry:revokeLogger", Json.obj("loggerId", Story.LOGGER), List.of("loggerId")));
        cases.add(new Case("telemetry:associate", Json.obj("loggerId", Story.LOGGER, "targets", List.of(CODE)),
                List.of("loggerId", "targets")));
        cases.add(new Case("telemetry:dissociate", Json.obj("loggerId", Story.LOGGER), List.of("loggerId")));
        cases.add(new Case("telemetry:anchor", Story.anchorRequest("2026-11-23T00:00:00Z", "2026-11-23T01:00:00Z"),
                List.of("loggerId", "windowStart", "windowEnd", "merkleRoot", "readingCount", "summary")));
        cases.add(new Case("telemetry:excursion", Json.obj("excursionId", "E", "loggerId", Story.LOGGER, "kind",
                "high", "startedAt", "2026-11-23T00:00:00Z", "minutes", 5, "rule", "r"),
                List.of("excursionId", "loggerId", "kind", "startedAt", "minutes", "rule")));
        cases.add(new Case("parameters:set", Json.obj("name", "eventTimeSkewSeconds", "value", 60, "reason", "r"),
                List.of("name", "value", "reason")));
        return cases;
    }

    static Stream<Arguments> requiredFields() {
        return cases().stream().flatMap(c -> Stream.concat(Stream.of("clientEventId"), c.required().stream())
                .map(field -> Arguments.of(c, field)));
    }

    @BeforeEach
    void someState() {
        story.vaccineBatchRegistered();
    }

    private ObjectNode withClientEvent(final ObjectNode request) {
        return Json.with(request, "clientEventId", story.clientEventId());
    }

    @Nested
    class EveryTransaction {
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.medtrace.chaincode.requests.RequestValidationTest#cases")
        void refuses_malformed_json_and_non_objects(final Case c) {
            assertThat(story.refusedRaw(Parties.HUAXIA, c.transaction(), "{\"clientEventId\":", ErrorCode
                    .INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] request: not valid JSON");
            assertThat(story.refusedRaw(Parties.HUAXIA, c.transaction(), "[1,2]", ErrorCode.INVALID_ARGUMENT))
                    .isEqualTo("[INVALID_ARGUMENT] request: must be a JSON object");
            story.refusedRaw(Parties.HUAXIA, c.transaction(), withClientEvent(c.request()) + "{}",
                    ErrorCode.INVALID_ARGUMENT);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.medtrace.chaincode.requests.RequestValidationTest#cases")
        void refuses_unknown_fields_naming_them(final Case c) {
            assertThat(story.refused(Parties.HUAXIA, c.transaction(), Json.with(c.request(), "colour", "red"),
                    ErrorCode.INVALID_ARGUMENT)).isEqualTo("[INVALID_ARGUMENT] colour: unknown field");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.medtrace.chaincode.requests.RequestValidationTest#cases")
        void refuses_duplicate_keys(final Case c) {
            String text = withClientEvent(c.request()).toString();
            String duplicated = "{\"clientEventId\":\"dup\"," + text.substring(1);
            assertThat(story.refusedRaw(Parties.HUAXIA, c.transaction(), duplicated, ErrorCode.INVALID_ARGUMENT))
                    .contains("clientEventId");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.medtrace.chaincode.requests.RequestValidationTest#cases")
        void refuses_common_fields_out_of_range(final Case c) {
            assertThat(story.refused(Parties.HUAXIA, c.transaction(), Json.with(c.request(), "clientEventId", 42),
                    ErrorCode.INVALID_ARGUMENT)).isEqualTo("[INVALID_ARGUMENT] clientEventId: must be a string");
            assertThat(story.refused(Parties.HUAXIA, c.transaction(), Json.with(c.request(), "clientEventId",
                    "has space"), ErrorCode.INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] clientEventId: ");
            assertThat(story.refused(Parties.HUAXIA, c.transaction(), Json.with(c.request(), "eventTime",
                    "2026-11-23T12:00:00+08:00"), ErrorCode.INVALID_ARGUMENT))
                    .startsWith("[INVALID_ARGUMENT] eventTime: ").contains("300 seconds");
            assertThat(story.refused(Parties.HUAXIA, c.transaction(), Json.with(c.request(), "eventTime",
                    "2026-11-23 08:00"), ErrorCode.INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] eventTime: ");
            assertThat(story.refused(Parties.HUAXIA, c.transaction(), Json.with(c.request(), "eventTimeZoneOffset",
                    "+25:00"), ErrorCode.INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] eventTimeZoneOffset: ");
            assertThat(story.refused(Parties.HUAXIA, c.transaction(), Json.with(c.request(), "readPoint",
                    "not an id"), ErrorCode.INVALID_IDENTIFIER)).startsWith("[INVALID_IDENTIFIER] readPoint: ");
        }

        @ParameterizedTest(name = "{0} without {1}")
        @MethodSource("org.medtrace.chaincode.requests.RequestValidationTest#requiredFields")
        void refuses_a_missing_required_field_naming_it(final Case c, final String field) {
            ObjectNode request = field.equals("clientEventId") ? c.request()
                    : withClientEvent(Json.without(c.request(), field));
            assertThat(story.refusedRaw(Parties.HUAXIA, c.transaction(), request.toString(),
                    ErrorCode.INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] " + field + ": ");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.medtrace.chaincode.requests.RequestValidationTest#cases")
        void refuses_a_call_without_exactly_one_argument(final Case c) {
            assertThat(story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().raw(Parties.HUAXIA,
                    c.transaction()))).contains("exactly one argument");
            assertThat(story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().raw(Parties.HUAXIA,
                    c.transaction(), "{}", "{}"))).contains("exactly one argument");
        }
    }

    @Nested
    class Values {
        @Test
        void a_string_where_a_number_belongs_and_a_fraction_where_an_integer_belongs_are_refused() {
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", "1", "codes", List.of(CODE)), ErrorCode.INVALID_ARGUMENT))
                    .isEqualTo("[INVALID_ARGUMENT] packageLevel: must be an integer");
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1.5, "codes", List.of(CODE)), ErrorCode.INVALID_ARGUMENT))
                    .startsWith("[INVALID_ARGUMENT] packageLevel: ");
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", CODE), ErrorCode.INVALID_ARGUMENT))
                    .isEqualTo("[INVALID_ARGUMENT] codes: must be an array");
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", List.of(CODE), "quantity", Map.of("value", "1", "uom", "EA")),
                    ErrorCode.INVALID_ARGUMENT)).isEqualTo("[INVALID_ARGUMENT] quantity.value: must be a number");
        }

        @Test
        void quantities_must_be_positive_with_a_unit_code() {
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", List.of(CODE), "quantity", Map.of("value", 0, "uom", "EA")),
                    ErrorCode.INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] quantity.value: ");
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", List.of(CODE), "quantity", Map.of("value", 1, "uom", "kg")),
                    ErrorCode.INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] quantity.uom: ");
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", List.of(CODE), "quantity", Map.of("value", 0.0000001, "uom", "KGM")),
                    ErrorCode.INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] quantity.value: ");
        }

        @Test
        void identifiers_are_refused_naming_the_part_that_is_wrong() {
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj("batchId", "88..1/B",
                    "packageLevel", 1, "codes", List.of(CODE)), ErrorCode.INVALID_IDENTIFIER))
                    .startsWith("[INVALID_IDENTIFIER] batchId: ").contains("segment 2 is empty");
            assertThat(story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S", "codes",
                    List.of(CODE), "to", "Shen Dist"), ErrorCode.INVALID_ARGUMENT)).startsWith("[INVALID_ARGUMENT] to: ");
        }

        @Test
        void requests_larger_than_4_mib_are_refused_as_a_limit() {
            String big = "{\"clientEventId\":\"x\",\"reason\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}";
            assertThat(story.refusedRaw(Parties.HUAXIA, "unit:decommission", big, ErrorCode.LIMIT_EXCEEDED))
                    .contains("4194304 bytes");
        }

        @Test
        void unknown_transactions_are_refused() {
            story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().raw(Parties.HUAXIA, "unit:teleport",
                    "{}"));
        }
    }
}
