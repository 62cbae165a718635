// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.model.ExcursionKind;

/** The request of {@code telemetry:excursion}. */
public record ExcursionRequest(String excursionId, String loggerId, ExcursionKind kind, Instant startedAt,
        Instant endedAt, Integer minutes, BigDecimal peakCelsius, String rule) {

    /** A year, in minutes: no excursion lasts longer. */
    private static final int MINUTES_MAX = 366 * 24 * 60;

    /** Validates and normalises every field. */
    public ExcursionRequest {
        excursionId = Check.reference("excursionId", excursionId);
        loggerId = Check.identifier("loggerId", loggerId);
        Check.required("kind", kind);
        Check.required("startedAt", startedAt);
        if (endedAt != null && !endedAt.isAfter(startedAt)) {
            throw Check.invalid("endedAt", "is not after startedAt");
        }
        minutes = Check.range("minutes", minutes, 0, MINUTES_MAX);
        peakCelsius = peakCelsius == null ? null : Check.celsius("peakCelsius", peakCelsius);
        rule = Check.text("rule", rule);
    }
}
