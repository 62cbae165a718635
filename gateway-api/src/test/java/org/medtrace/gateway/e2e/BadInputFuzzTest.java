// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.gateway.testing.Api.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * A property of the whole edge: whatever a caller sends, the gateway answers without a 5xx, and every refusal is a
 * problem+json with a {@code code} (the Handle node: Handle JSON with a {@code responseCode}).
 *
 * <p>The requests are generated from the served OpenAPI document (every operation, the loggers' ingestion and the
 * Handle node included): a plausible request from the operation's schema, then one mutation of it: a field of the
 * wrong type, a missing field, a huge string, NUL and control characters, invalid UTF-8, a duplicate key, trailing
 * content, extreme numbers and instants, path traversal, or a wrong media type; as a demo client, a logger, or
 * anonymously. Seeded: the seed is printed, {@code -Dfuzz.seed=} repeats a run and {@code -Dfuzz.requests=} sizes it
 * (README, "Benchmarks").
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class BadInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CLIENTS = {"huaxia", "shendist", "renji", "shanghai-mpa", "coldlink"};
    private static final String MARK = "\u2603INVALID\u2603";
    private static final long TIME_LIMIT_MS = 10 * 60_000L;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Random random;
    private String logger;
    private String loggerToken;

    /** One operation of the document. */
    private record Operation(String method, String path, JsonNode spec) {
    }

    /** One request to send and how it was made. */
    private record Attempt(String method, String path, Map<String, String> headers, byte[] body, String mutation) {
    }

    @Test
    void no_input_gets_a_5xx_and_every_refusal_says_why() throws Exception {
        final long seed = Long.getLong("fuzz.seed", System.nanoTime());
        final int requests = Integer.getInteger("fuzz.requests", 1500);
        System.out.println("BadInputFuzzTest: seed " + seed + " (-Dfuzz.seed=" + seed + "), " + requests
                + " requests (-Dfuzz.requests=)");
        random = new Random(seed);
        final JsonNode document = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asByteArray());
        final List<Operation> operations = operations(document);
        assertThat(operations).extracting(Operation::path).contains("/api/v1/telemetry/readings",
                "/api/handles/{prefix}/{suffix}", "/api/handles");
        aLoggerWithACredential();
        final List<String> failures = new ArrayList<>();
        final long started = System.currentTimeMillis();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (; sent < requests && System.currentTimeMillis() - started < TIME_LIMIT_MS; sent++) {
            final Operation operation = operations.get(random.nextInt(operations.size()));
            final Attempt attempt = attempt(operation, document);
            final HttpResponse<byte[]> response;
            try {
                response = send(attempt);
            } catch (java.net.http.HttpTimeoutException e) {
                failures.add(attempt.method() + " " + abbreviate(attempt.path()) + " [" + attempt.mutation()
                        + "] -> no answer within 60 s");
                continue;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            final String failure = check(attempt, response);
            if (failure != null && failures.size() < 30) {
                failures.add(failure);
            }
        }
        System.out.println("BadInputFuzzTest: " + sent + " requests in " + (System.currentTimeMillis() - started)
                + " ms, answers by status " + statuses + ", " + failures.size() + " failures");
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    private void aLoggerWithACredential() {
        logger = "88.118.8866/LOGGER-FUZZ-" + Api.digits(8);
        post("coldlink", "/api/v1/loggers", Map.of("loggerId", logger, "model", "TL-30")).statusCode(201);
        loggerToken = post("coldlink", "/api/v1/telemetry/credentials", Map.of("loggerId", logger))
                .statusCode(201).extract().path("token");
    }

    private static List<Operation> operations(final JsonNode document) {
        final List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "post", "put", "delete").contains(op.getKey())) {
                operations.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        op.getValue()));
            }
        }));
        return operations;
    }

    // ---- generation ----

    private Attempt attempt(final Operation operation, final JsonNode document) throws IOException {
        final Map<String, String> headers = new TreeMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        String path = operation.path();
        final boolean hasBody = !operation.spec().path("requestBody").isMissingNode();
        final int drawn = random.nextInt(12);
        // kinds 1..10 break the body; an operation without one gets a broken parameter instead
        final int kind = !hasBody && drawn >= 1 && drawn <= 10 ? 0 : drawn;
        String mutation = "none";
        final List<JsonNode> parameters = parameters(operation, document);
        final int broken = kind == 0 && !parameters.isEmpty() ? random.nextInt(parameters.size()) : -1;
        for (int p = 0; p < parameters.size(); p++) {
            final JsonNode parameter = parameters.get(p);
            final String name = parameter.path("name").asText();
            final String in = parameter.path("in").asText();
            String value = sampleParameter(name, parameter.path("schema"));
            if (p == broken) {
                value = badParameter(parameter.path("schema"));
                mutation = "parameter " + name + "=" + abbreviate(value);
            }
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", value);
                case "query" -> {
                    if (parameter.path("required").asBoolean() || random.nextInt(3) > 0 || kind == 0) {
                        query.put(name, value);
                    }
                }
                case "header" -> {
                    if (random.nextBoolean() && isHeaderSafe(value)) {
                        headers.put(name, value);
                    }
                }
                default -> { }
            }
        }
        byte[] body = null;
        final JsonNode content = operation.spec().path("requestBody").path("content");
        if (!content.isMissingNode()) {
            final String type = content.has("application/json") ? "application/json"
                    : content.fieldNames().next();
            final JsonNode schema = resolve(content.path(type).path("schema"), document);
            final Object sample = operation.path().equals("/api/v1/telemetry/readings")
                    ? List.of(reading()) : sample(schema, document, 0);
            headers.put("Content-Type", "application/json");
            final Object[] mutated = kind >= 1 && kind <= 6 ? mutateValue(sample, schema, document, kind)
                    : new Object[] {sample, "none"};
            if (!"none".equals(mutated[1])) {
                mutation = (String) mutated[1];
            }
            body = JSON.writeValueAsBytes(mutated[0]);
            if (kind >= 7 && kind <= 10) {
                final Object[] raw = mutateBytes(body, headers, kind);
                body = (byte[]) raw[0];
                mutation = (String) raw[1];
            }
        }
        if (kind == 11) {
            path = path + traversal();
            mutation = "path " + abbreviate(path);
        }
        authenticate(operation, headers);
        if (random.nextInt(5) == 0) {
            headers.remove("Authorization");
            mutation += ", anonymous";
        }
        return new Attempt(operation.method(), path + queryString(query), headers, body, mutation);
    }

    private static List<JsonNode> parameters(final Operation operation, final JsonNode document) {
        final List<JsonNode> parameters = new ArrayList<>();
        document.path("paths").path(operation.path()).path("parameters").forEach(parameters::add);
        operation.spec().path("parameters").forEach(parameters::add);
        return parameters;
    }

    private void authenticate(final Operation operation, final Map<String, String> headers) {
        if (operation.path().equals("/api/v1/telemetry/readings") && operation.method().equals("POST")) {
            headers.put("Authorization", "Bearer " + loggerToken);
        } else {
            final String client = CLIENTS[random.nextInt(CLIENTS.length)];
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + client
                    + "-demo").getBytes(StandardCharsets.UTF_8)));
        }
    }

    private Map<String, Object> reading() {
        final Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("loggerId", logger);
        reading.put("seq", random.nextInt(1000));
        reading.put("time", java.time.Instant.now().minusSeconds(random.nextInt(3600)).toString());
        reading.put("celsius", 5.0);
        return reading;
    }

    private String sampleParameter(final String name, final JsonNode schema) {
        return switch (name) {
            case "prefix" -> "88.118.8866";
            case "suffix" -> "FUZZ-" + random.nextInt(50);
            case "loggerId" -> logger;
            case "from", "to" -> java.time.Instant.now().minusSeconds(86_400).toString();
            case "seq", "after", "pageSize", "limit", "index" -> Integer.toString(1 + random.nextInt(5));
            case "Idempotency-Key" -> "fuzz-" + random.nextInt(1_000_000);
            default -> schema.path("type").asText().equals("integer") ? "1" : "88.118.8866/FUZZ-" + random.nextInt(50);
        };
    }

    private String badParameter(final JsonNode schema) {
        final String[] choices = {"%00", "a%00b", "2026-01-01T00:00:00Z%00", "%01%7F", "%C0%80", "%ED%A0%80",
            "-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "9223372036854775807",
            "-1", "99999999999999999999999", "1.5", "1e400", "NaN", "%2e%2e", "..%2F..%2F..", "x".repeat(2000), "",
            "%FF%FE", "yesterday", "88.118.8866%2F%2e%2e"};
        return choices[random.nextInt(choices.length)];
    }

    private String traversal() {
        final String[] tails = {"/%2e%2e", "/../../q/health", "/%00", "/%2e%2e%2f%2e%2e", "/..%252f", "/%C0%AE"};
        return tails[random.nextInt(tails.length)];
    }

    /** A plausible value of a schema: codes under the demo prefix, today's dates, small numbers. */
    private Object sample(final JsonNode raw, final JsonNode document, final int depth) {
        final JsonNode schema = resolve(raw, document);
        if (depth > 6) {
            return null;
        }
        if (schema.has("oneOf")) {
            return sample(schema.path("oneOf").get(0), document, depth + 1);
        }
        if (schema.has("enum")) {
            return JSON.convertValue(schema.path("enum").get(random.nextInt(schema.path("enum").size())), Object.class);
        }
        final String type = schema.path("type").isArray() ? schema.path("type").get(0).asText()
                : schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                final Map<String, Object> object = new LinkedHashMap<>();
                schema.path("properties").properties().forEach(p -> {
                    if (random.nextInt(4) > 0 || required(schema, p.getKey())) {
                        object.put(p.getKey(), sample(p.getValue(), document, depth + 1));
                    }
                });
                yield object;
            }
            case "array" -> {
                final List<Object> list = new ArrayList<>();
                list.add(sample(schema.path("items"), document, depth + 1));
                yield list;
            }
            case "integer" -> 1 + random.nextInt(3);
            case "number" -> 1.5;
            case "boolean" -> random.nextBoolean();
            default -> switch (schema.path("format").asText()) {
                case "date" -> java.time.LocalDate.now().toString();
                case "date-time" -> java.time.Instant.now().toString();
                default -> "88.118.8866/FUZZ-" + random.nextInt(50);
            };
        };
    }

    private static boolean required(final JsonNode schema, final String name) {
        for (final JsonNode r : schema.path("required")) {
            if (r.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(final JsonNode schema, final JsonNode document) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            final String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** One value of the body replaced: wrong type, missing, huge, control characters, extreme numbers or dates. */
    @SuppressWarnings("unchecked")
    private Object[] mutateValue(final Object sample, final JsonNode schema, final JsonNode document,
            final int kind) {
        final Object copy = JSON.convertValue(sample, Object.class);
        final Map<String, Object> target = copy instanceof Map<?, ?> map ? (Map<String, Object>) map
                : copy instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                        ? (Map<String, Object>) first : null;
        if (target == null || target.isEmpty()) {
            return new Object[] {List.of(copy, copy), "a list where an object belongs"};
        }
        final List<String> keys = new ArrayList<>(target.keySet());
        final String key = keys.get(random.nextInt(keys.size()));
        final Object[][] values = {
            {12, 1.5, true, List.of("x"), Map.of("x", 1), null, "1", "", 1e300},
            {MARK + "remove"},
            {"x".repeat(200_000), "8".repeat(5_000)},
            {"a\u0000b", "2026-01-01\u0000", "\u0001\u001f", "x\u007fy", "\u0085", "\ud800", "88.118.8866/\u0000"},
            {Long.MAX_VALUE, Long.MIN_VALUE, new java.math.BigDecimal("1e400"), new java.math.BigInteger(
                "99999999999999999999999"), -1, 0, 1.5},
            {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0000-01-01", "9999-12-31T23:59:60Z",
                "2026-13-45", "1970-01-01T00:00:00.123456789Z"},
        };
        final Object[] pool = values[kind - 1];
        final Object value = pool[random.nextInt(pool.length)];
        if (value instanceof String s && s.startsWith(MARK)) {
            target.remove(key);
            return new Object[] {copy, "without " + key};
        }
        target.put(key, value);
        return new Object[] {copy, key + "=" + abbreviate(String.valueOf(value))};
    }

    /** The body's bytes or its media type broken. */
    private Object[] mutateBytes(final byte[] body, final Map<String, String> headers, final int kind) {
        final String text = new String(body, StandardCharsets.UTF_8);
        return switch (kind) {
            case 7 -> {
                final byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0,
                    (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
                final byte[] b = bad[random.nextInt(bad.length)];
                final int quote = text.indexOf('"', 1);
                final int at = quote < 0 ? body.length / 2 : text.substring(0, quote + 1)
                        .getBytes(StandardCharsets.UTF_8).length;
                final byte[] out = new byte[body.length + b.length];
                System.arraycopy(body, 0, out, 0, at);
                System.arraycopy(b, 0, out, at, b.length);
                System.arraycopy(body, at, out, at + b.length, body.length - at);
                yield new Object[] {out, "invalid UTF-8"};
            }
            case 8 -> {
                final int colon = text.indexOf(':');
                final int end = text.indexOf(',', colon);
                final String duplicated = colon > 0 && text.startsWith("{\"") && end > 0
                        ? text.substring(0, end + 1) + text.substring(1, end + 1) + text.substring(end + 1) : text;
                yield new Object[] {duplicated.getBytes(StandardCharsets.UTF_8), "duplicate key"};
            }
            case 9 -> {
                final String[] tails = {" xyz", " {}", "]", text, "\u0000", " // comment"};
                yield new Object[] {(text + tails[random.nextInt(tails.length)]).getBytes(StandardCharsets.UTF_8),
                    "trailing content"};
            }
            default -> {
                final String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "*/*",
                    "application/json; charset=utf-16", "application/json; charset=iso-8859-1", null,
                    "multipart/form-data; boundary=x", "application/json;charset=UTF-8"};
                final String type = types[random.nextInt(types.length)];
                if (type == null) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", type);
                }
                yield new Object[] {body, "Content-Type " + type};
            }
        };
    }

    private static boolean isHeaderSafe(final String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !value.isEmpty();
    }

    private static String queryString(final Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        final StringBuilder out = new StringBuilder("?");
        query.forEach((name, value) -> out.append(out.length() > 1 ? "&" : "").append(name).append('=')
                .append(value.replace(" ", "%20").replace("/", "%2F")));
        return out.toString();
    }

    private static String abbreviate(final String value) {
        final StringBuilder printable = new StringBuilder();
        for (int i = 0; i < value.length() && printable.length() <= 60; i++) {
            final char c = value.charAt(i);
            printable.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c));
        }
        return printable.length() > 60 ? printable.substring(0, 60) + "...(" + value.length() + ")"
                : printable.toString();
    }

    /** @return the path as the server routes it: dot segments (also percent-encoded ones) removed */
    private static String served(final String path) {
        final String plain = path.replaceAll("(?i)%2e", ".");
        try {
            return URI.create(plain.contains("?") ? plain.substring(0, plain.indexOf('?')) : plain).normalize()
                    .getPath();
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    // ---- sending and judging ----

    private HttpResponse<byte[]> send(final Attempt attempt) throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + attempt.path())).timeout(Duration.ofSeconds(60));
        attempt.headers().forEach(request::header);
        request.method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** @return why the answer is wrong, or null */
    private static String check(final Attempt attempt, final HttpResponse<byte[]> response) {
        final int status = response.statusCode();
        final String described = attempt.method() + " " + abbreviate(attempt.path()) + " [" + attempt.mutation()
                + "] -> " + status + " " + abbreviate(new String(response.body(), StandardCharsets.UTF_8));
        if (status >= 500) {
            return described;
        }
        if (status < 400) {
            return null;
        }
        final String type = response.headers().firstValue("Content-Type").orElse("");
        final JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return described + " (not JSON)";
        }
        final String served = served(attempt.path());
        if (!served.startsWith("/api/")) {
            return null; // a traversal out of the API: the server's own 404, not the API's
        }
        if (served.startsWith("/api/handles")) {
            return type.startsWith("application/json") && body != null && body.has("responseCode") ? null
                    : described + " (not Handle JSON)";
        }
        if (!type.startsWith("application/problem+json") || body == null || !body.path("code").isTextual()) {
            return described + " (not a problem with a code)";
        }
        final String detail = body.path("detail").asText() + body.path("errors").toString();
        if (detail.matches("(?s).*\\b(java|javax|jakarta|com|org|io)\\.[a-z]+\\.[A-Za-z.]*[A-Z].*")
                || detail.matches("(?s).*\\b[A-Z][A-Za-z]+(Exception|Error)\\b.*")) {
            return described + " (names a Java class)";
        }
        return null;
    }
}
