// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static org.medtrace.gateway.testing.Api.post;

import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.medtrace.gateway.testing.Api;

/** Test fixture: vaccines in a case with a logger, and the logger's readings. */
final class Loggers {

    static final String PREFIX = "88.118.8866/";

    /** A case of three vaccine units with a registered logger associated to it. */
    record Goods(String product, String batch, List<String> units, String caseId, String logger, String token) {
    }

    private Loggers() {
    }

    static Goods vaccinesInACaseWithALogger() {
        final String run = Api.digits(8);
        final String product = PREFIX + "PRD-T-" + run;
        final String batch = PREFIX + "BATCH-T-" + run;
        Api.releasedVaccineBatch(product, batch, run);
        final List<String> units = Api.nmpaCodes(Api.productCode(run), 3);
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes", units))
                .statusCode(201);
        final String caseScan = Api.ssccElementString();
        final String caseId = Api.ssccIdentifier(caseScan);
        post("huaxia", "/api/v1/units/containers", Map.of("containerType", "case", "codes", List.of(caseScan)))
                .statusCode(201);
        post("huaxia", "/api/v1/units/pack", Map.of("parent", caseScan, "children", units)).statusCode(200);
        final String logger = PREFIX + "LOGGER-T-" + run;
        post("coldlink", "/api/v1/loggers", Map.of("loggerId", logger, "model", "TL-30")).statusCode(201);
        post("huaxia", "/api/v1/loggers/associate", Map.of("loggerId", logger, "targets", List.of(caseId)))
                .statusCode(200);
        final String token = post("coldlink", "/api/v1/telemetry/credentials", Map.of("loggerId", logger))
                .statusCode(201).extract().path("token");
        return new Goods(product, batch, units.stream().map(u -> PREFIX + u).toList(), caseId, logger, token);
    }

    /** @return one NDJSON line */
    static String line(final String logger, final long seq, final Instant time, final double celsius) {
        return String.format(Locale.ROOT, "{\"loggerId\":\"%s\",\"seq\":%d,\"time\":\"%s\",\"celsius\":%s}", logger,
                seq, time, Double.toString(celsius));
    }

    /**
     * @param logger logger
     * @param fromSeq first seq
     * @param count readings
     * @param start time of the first
     * @param everySeconds spacing
     * @param celsius temperature by seq
     * @return NDJSON
     */
    static String ndjson(final String logger, final long fromSeq, final int count, final Instant start,
            final long everySeconds, final LongFunction<Double> celsius) {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final long seq = fromSeq + i;
            lines.add(line(logger, seq, start.plusSeconds(everySeconds * i), celsius.apply(seq)));
        }
        return String.join("\n", lines) + "\n";
    }

    static ValidatableResponse push(final String token, final String contentType, final String body) {
        return Api.asIs().header("Authorization", "Bearer " + token).contentType(contentType)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post(IngestionRoute.PATH).then();
    }
}
