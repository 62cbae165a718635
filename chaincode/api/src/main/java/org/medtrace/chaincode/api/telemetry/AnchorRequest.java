// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.telemetry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.model.TemperatureSummary;

/** The request of {@code telemetry:anchor}. */
public record AnchorRequest(String loggerId, Instant windowStart, Instant windowEnd, String merkleRoot,
        Integer readingCount, TemperatureSummary summary) {

    /** Longest window one anchor covers. */
    public static final Duration WINDOW_MAX = Duration.ofDays(31);
    private static final int READINGS_MAX = 1_000_000;

    /** Validates and normalises every field. */
    public AnchorRequest {
        loggerId = Check.identifier("loggerId", loggerId);
        Check.required("windowStart", windowStart);
        Check.required("windowEnd", windowEnd);
        if (!windowEnd.isAfter(windowStart)) {
            throw Check.invalid("windowEnd", "is not after windowStart");
        }
        if (Duration.between(windowStart, windowEnd).compareTo(WINDOW_MAX) > 0) {
            throw Check.invalid("windowEnd", "the window is longer than " + WINDOW_MAX.toDays() + " days");
        }
        merkleRoot = Check.sha256Hex("merkleRoot", merkleRoot);
        readingCount = Check.range("readingCount", readingCount, 1, READINGS_MAX);
        summary = summary(summary, (int) Duration.between(windowStart, windowEnd).toMinutes());
    }

    private static TemperatureSummary summary(final TemperatureSummary s, final int windowMinutes) {
        Check.required("summary", s);
        BigDecimal min = Check.celsius("summary.minCelsius", s.minCelsius());
        BigDecimal max = Check.celsius("summary.maxCelsius", s.maxCelsius());
        BigDecimal mean = Check.celsius("summary.meanCelsius", s.meanCelsius());
        BigDecimal mkt = Check.celsius("summary.mktCelsius", s.mktCelsius());
        BigDecimal bandMin = Check.celsius("summary.bandMinCelsius", s.bandMinCelsius());
        BigDecimal bandMax = Check.celsius("summary.bandMaxCelsius", s.bandMaxCelsius());
        if (min.compareTo(max) > 0) {
            throw Check.invalid("summary.maxCelsius", "is below minCelsius");
        }
        if (mean.compareTo(min) < 0 || mean.compareTo(max) > 0) {
            throw Check.invalid("summary.meanCelsius", "is not between minCelsius and maxCelsius");
        }
        if (mkt.compareTo(min) < 0 || mkt.compareTo(max) > 0) {
            throw Check.invalid("summary.mktCelsius", "is not between minCelsius and maxCelsius");
        }
        if (bandMin.compareTo(bandMax) >= 0) {
            throw Check.invalid("summary.bandMaxCelsius", "is not above bandMinCelsius");
        }
        return new TemperatureSummary(min, max, mean, mkt,
                minutes("summary.minutesAbove", s.minutesAbove(), windowMinutes),
                minutes("summary.minutesBelow", s.minutesBelow(), windowMinutes),
                minutes("summary.longestAboveMinutes", s.longestAboveMinutes(), windowMinutes),
                minutes("summary.longestBelowMinutes", s.longestBelowMinutes(), windowMinutes),
                Check.range("summary.gapCount", s.gapCount(), 0, READINGS_MAX),
                minutes("summary.longestGapMinutes", s.longestGapMinutes(), windowMinutes), bandMin, bandMax);
    }

    private static int minutes(final String field, final Integer value, final int windowMinutes) {
        return Check.range(field, value, 0, windowMinutes);
    }
}
