// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.medtrace.gateway.testing.Api.as;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * Issue 12, points 6 and 9: each way bad input once reached the ledger or PostgreSQL (or ended in a 5xx) is refused at
 * the edge with a problem naming the field, and writes nothing.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class EdgeInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PREFIX = "88.118.8866/";

    /** Sends the text as it is (RestAssured would otherwise add a charset to the Content-Type). */
    private static ValidatableResponse raw(final String client, final String contentType, final String path,
            final byte[] body) {
        return Api.asIs().auth().preemptive().basic(client, client + "-demo").contentType(contentType).body(body)
                .when().post(path).then();
    }

    private static ValidatableResponse json(final String client, final String path, final String json) {
        return raw(client, "application/json", path, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String product(final String id, final String nameJson) {
        return "{\"id\":\"" + id + "\",\"kind\":\"herbal_raw\",\"name\":" + nameJson
                + ",\"packageLevels\":[{\"level\":1,\"name\":\"袋\"}]}";
    }

    // ---- point 6: lenient JSON ----

    @Test
    void trailing_content_and_concatenated_objects_are_refused_and_write_nothing() {
        final String id = PREFIX + "P-EDGE-" + Api.digits(8);
        json("bencao", "/api/v1/products", product(id, "\"x\"") + " xyz").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_ARGUMENT")).body("errors.field", hasItem("body"));
        json("bencao", "/api/v1/products", product(id, "\"x\"") + product(id, "\"y\"")).statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("body"));
        get("bencao", "/api/v1/products/" + id, Map.of()).statusCode(404);
    }

    @Test
    void a_duplicate_key_is_refused_naming_the_key() {
        final String id = PREFIX + "P-EDGE-" + Api.digits(8);
        json("bencao", "/api/v1/products", product(id, "\"x\",\"name\":\"y\"")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name")).body("detail", containsString("twice"));
        get("bencao", "/api/v1/products/" + id, Map.of()).statusCode(404);
    }

    /**
     * Each of these once ended in InvalidDefinitionException, a 500 with an empty body: once a record's every field was
     * read, Jackson built it, and a repeated key after that had nowhere to go (records have no setters).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/loggers|{\"loggerId\":\"88.118.8866/L1\",\"model\":\"m\",\"calibrationDueDate\":\"2027-01-01\","
            + "\"loggerId\":\"88.118.8866/L2\"}",
        "/api/v1/loggers/revoke|{\"loggerId\":\"88.118.8866/L1\",\"loggerId\":\"88.118.8866/L2\"}",
        "/api/v1/batches/lot-release|{\"batchId\":\"88.118.8866/B1\",\"certificateNumber\":\"c\","
            + "\"releaseDate\":\"2026-01-01\",\"batchId\":\"88.118.8866/B2\"}",
        "/api/v1/loggers/anchors|{\"loggerId\":\"88.118.8866/L1\",\"windowStart\":\"2026-01-01T00:00:00Z\","
            + "\"windowEnd\":\"2026-01-01T01:00:00Z\",\"merkleRoot\":\"" + "abababababababababababababababab"
            + "abababababababababababababababab\",\"readingCount\":1,\"summary\":{\"minCelsius\":4,\"maxCelsius\":5,"
            + "\"meanCelsius\":4.5,\"mktCelsius\":4.5,\"minutesAbove\":0,\"minutesBelow\":0,\"longestAboveMinutes\":0,"
            + "\"longestBelowMinutes\":0,\"gapCount\":0,\"longestGapMinutes\":0,\"bandMinCelsius\":2,"
            + "\"bandMaxCelsius\":8},\"loggerId\":\"88.118.8866/L2\"}",
        "/api/v1/telemetry/credentials|{\"loggerId\":\"88.118.8866/L1\",\"loggerId\":\"88.118.8866/L2\"}",
        "/api/v1/telemetry/credentials/revoke|{\"credentialId\":\"c1\",\"credentialId\":\"c2\"}"})
    void a_key_repeated_after_every_field_is_a_400_naming_it_not_a_500(final String pathAndBody) {
        final String[] parts = pathAndBody.split("\\|", 2);
        final String repeated = parts[1].substring(parts[1].lastIndexOf(",\"") + 2, parts[1].lastIndexOf("\":"));
        json("coldlink", parts[0], parts[1]).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_ARGUMENT")).body("errors.field", hasItem(repeated));
    }

    @Test
    void a_number_is_not_a_string_and_a_string_is_not_a_number() {
        final String id = PREFIX + "P-EDGE-" + Api.digits(8);
        json("bencao", "/api/v1/products", product(id, "12")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name")).body("detail", containsString("string"));
        json("bencao", "/api/v1/products", product(id, "1e400")).statusCode(400).body("errors.field", hasItem("name"));
        get("bencao", "/api/v1/products/" + id, Map.of()).statusCode(404);
        for (final String level : new String[] {"\"1\"", "1.5", "null", "true"}) {
            json("huaxia", "/api/v1/units/commission", "{\"batchId\":\"" + PREFIX + "B\",\"packageLevel\":" + level
                    + ",\"codes\":[\"" + PREFIX + "U-1\"]}").statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("packageLevel"));
        }
    }

    // ---- point 9: the fuzzer's causes ----

    @Test
    void telemetry_stores_the_largest_sequence_number_and_knows_it_again() {
        final String token = loggerToken();
        final String logger = token.split("\\|")[0];
        final String time = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        final String max = Long.toString(Long.MAX_VALUE);
        final String batch = "{\"loggerId\":\"" + logger + "\",\"seq\":" + (Long.MAX_VALUE - 1) + ",\"time\":\""
                + time + "\",\"celsius\":5.0}\n{\"loggerId\":\"" + logger + "\",\"seq\":" + max + ",\"time\":\"" + time
                + "\",\"celsius\":5.1}\n";
        push(token.split("\\|")[1], batch).statusCode(200).body("stored", equalTo(2));
        push(token.split("\\|")[1], batch).statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "3000-01-01T00:00:00Z",
        "1000-01-01T00:00:00Z"})
    void a_reading_time_far_out_of_range_is_refused_before_any_arithmetic(final String time) {
        final String token = loggerToken();
        push(token.split("\\|")[1], "{\"loggerId\":\"" + token.split("\\|")[0] + "\",\"seq\":1,\"time\":\"" + time
                + "\",\"celsius\":5.0}\n").statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_BATCH"))
                .body("errors[0].field", containsString("time"));
    }

    @Test
    void nul_is_refused_in_paths_query_parameters_headers_and_json_strings() throws IOException {
        as("huaxia").urlEncodingEnabled(false).when().get("/api/v1/shipments/%00").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("path"));
        as("shanghai-mpa").urlEncodingEnabled(false).when().get("/api/v1/recalls/scope?recallId=%00").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("recallId"));
        as("shanghai-mpa").urlEncodingEnabled(false).when().get("/api/v1/trace/forward?batchId=" + PREFIX
                + "B&after=%00").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("after"));
        as("shanghai-mpa").urlEncodingEnabled(false).when().get("/api/v1/verification?code=%C0%80").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("code"));
        json("coldlink", "/api/v1/telemetry/credentials/revoke", "{\"credentialId\":\"c\\u0000\"}").statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("credentialId"));
        json("huaxia", "/api/v1/batches/lot-release", "{\"batchId\":\"" + PREFIX + "B\",\"certificateNumber\":\"c\","
                + "\"releaseDate\":\"2026-01-01\\u0000\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("releaseDate"));
        // a NUL in a header (a logger's credential id) is refused by the HTTP codec itself, other control
        // characters by the edge
        for (final String control : new String[] {"\u0000", "\u0001", "\u007f"}) {
            final String answer = rawRequest("POST /api/v1/telemetry/readings HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer cred" + control + ".secret\r\nContent-Type: application/x-ndjson\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void instants_outside_years_1_to_9999_in_from_and_to_are_400s() {
        final String far = "-999999999-01-01T00:00:00Z";
        get("shanghai-mpa", "/api/v1/regulator/events", Map.of("from", far)).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("from"));
        get("shanghai-mpa", "/api/v1/regulator/alerts", Map.of("to", "+999999999-12-31T23:59:59Z")).statusCode(400)
                .body("errors.field", hasItem("to"));
        final String logger = loggerToken().split("\\|")[0];
        get("coldlink", "/api/v1/telemetry/readings", Map.of("loggerId", logger, "from", far)).statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("from"));
        get("coldlink", "/api/v1/telemetry/windows", Map.of("loggerId", logger, "to", "3000-01-01T00:00:00Z"))
                .statusCode(200);
        get("coldlink", "/api/v1/telemetry/readings", Map.of("loggerId", logger, "from", "yesterday"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("from"));
        get("coldlink", "/api/v1/telemetry/readings", Map.of("loggerId", logger, "cursor",
                Long.MAX_VALUE + "_1")).statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void a_proof_to_verify_is_validated_first() {
        final String reading = "{\"seq\":1,\"time\":%s,\"celsius\":5.0}";
        final String proof = "{\"loggerId\":\"%s\",\"reading\":%s,\"leafIndex\":0,\"treeSize\":1,\"auditPath\":[],"
                + "\"merkleRoot\":\"" + "ab".repeat(32) + "\",\"windowStart\":\"2026-01-01T00:00:00Z\","
                + "\"windowEnd\":\"2026-01-01T01:00:00Z\"}";
        json("coldlink", "/api/v1/telemetry/proof/verify", String.format(proof, PREFIX + "L" + "x".repeat(1 << 20),
                String.format(reading, "\"2026-01-01T00:10:00Z\""))).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("loggerId"));
        for (final String time : new String[] {"null", "\"\"", "\"  \"", "\"+999999999-12-31T23:59:59Z\""}) {
            json("coldlink", "/api/v1/telemetry/proof/verify", String.format(proof, PREFIX + "L", String.format(
                    reading, time))).statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem(startsWith("reading.time")));
        }
        json("coldlink", "/api/v1/telemetry/proof/verify", String.format(proof, PREFIX + "L",
                "{\"seq\":1,\"celsius\":5.0}")).statusCode(400).body("errors.field", hasItem("reading.time"));
    }

    @Test
    void a_body_must_be_json_in_utf8_with_a_media_type_that_says_so() {
        final byte[] body = "{\"loggerId\":\"88.118.8866/LX\"}".getBytes(StandardCharsets.UTF_8);
        for (final String type : new String[] {"*/*", "application/json; charset=utf-16",
            "application/json;charset=ISO-8859-1", "text/plain", "application/xml"}) {
            raw("coldlink", type, "/api/v1/loggers/revoke", body).statusCode(415).contentType(PROBLEM)
                    .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        }
        Api.asIs().auth().preemptive().basic("coldlink", "coldlink-demo").formParam("loggerId", "88.118.8866/LX")
                .when().post("/api/v1/loggers/revoke").then().statusCode(415).contentType(PROBLEM);
        raw("coldlink", "application/json; charset=UTF-8", "/api/v1/loggers/revoke", body).statusCode(404)
                .body("code", equalTo("LOGGER_NOT_FOUND"));
        // an overlong form of NUL (C0 80), which a lenient decoder reads as U+0000
        final byte[] head = "{\"loggerId\":\"88.118.8866/L".getBytes(StandardCharsets.UTF_8);
        final byte[] overlong = java.util.Arrays.copyOf(head, head.length + 4);
        overlong[head.length] = (byte) 0xC0;
        overlong[head.length + 1] = (byte) 0x80;
        overlong[head.length + 2] = '"';
        overlong[head.length + 3] = '}';
        raw("coldlink", "application/json", "/api/v1/loggers/revoke", overlong).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("body")).body("detail", containsString("UTF-8"));
        final String answer = given().auth().preemptive().basic("coldlink", "coldlink-demo").contentType(
                "application/json").body(new byte[5 << 20]).when().post("/api/v1/loggers/revoke").then()
                .statusCode(413).contentType(PROBLEM).extract().path("code");
        assertThat(answer).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void error_details_never_name_java_classes() {
        final List<String> details = List.of(
                json("huaxia", "/api/v1/batches/lot-release", "{\"batchId\":\"" + PREFIX + "B\",\"certificateNumber\":"
                        + "\"c\",\"releaseDate\":\"not a date\"}").statusCode(400).extract()
                        .asString(),
                json("coldlink", "/api/v1/loggers/anchors", "{\"loggerId\":\"" + PREFIX + "L\",\"summary\":[]}")
                        .statusCode(400).extract().asString(),
                json("coldlink", "/api/v1/telemetry/windows/close", "[]").statusCode(400).extract().asString(),
                json("coldlink", "/api/v1/loggers", "{\"loggerId\":{\"a\":1}}").statusCode(400).extract()
                        .asString());
        for (final String detail : details) {
            assertThat(detail).doesNotContainPattern("\\b(java|com|org|io|jakarta)\\.[a-z]+\\.")
                    .doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)\\b").doesNotContain("JsonNode");
        }
    }

    /** @return "loggerId|token" of a fresh logger with a credential */
    private static String loggerToken() {
        final String logger = PREFIX + "LOGGER-EDGE-" + Api.digits(8);
        post("coldlink", "/api/v1/loggers", Map.of("loggerId", logger, "model", "TL-30")).statusCode(201);
        final String token = post("coldlink", "/api/v1/telemetry/credentials", Map.of("loggerId", logger))
                .statusCode(201).extract().path("token");
        return logger + "|" + token;
    }

    private static ValidatableResponse push(final String token, final String ndjson) {
        return Api.asIs().header("Authorization", "Bearer " + token).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/telemetry/readings").then();
    }

    /** A request the HTTP clients refuse to send (a NUL in a header), over a plain socket. */
    private static String rawRequest(final String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
