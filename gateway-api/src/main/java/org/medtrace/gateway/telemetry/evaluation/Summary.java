// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.evaluation;

import java.math.BigDecimal;

/**
 * A closed window's summary, field for field the {@code summary} of {@code telemetry:anchor}. Minutes are whole
 * minutes rounded down, so none exceeds the window's length in whole minutes (the chaincode checks that).
 *
 * @param minCelsius lowest reading
 * @param maxCelsius highest reading
 * @param meanCelsius time-weighted mean
 * @param mktCelsius time-weighted mean kinetic temperature, ΔH/R = 10,000 K
 * @param minutesAbove minutes above the band
 * @param minutesBelow minutes below the band
 * @param longestAboveMinutes longest continuous run above the band within the window
 * @param longestBelowMinutes longest continuous run below the band within the window
 * @param gapCount holes in the record within the window
 * @param longestGapMinutes the longest of them within the window
 * @param bandMinCelsius band low end
 * @param bandMaxCelsius band high end
 */
public record Summary(BigDecimal minCelsius, BigDecimal maxCelsius, BigDecimal meanCelsius, BigDecimal mktCelsius,
        int minutesAbove, int minutesBelow, int longestAboveMinutes, int longestBelowMinutes, int gapCount,
        int longestGapMinutes, BigDecimal bandMinCelsius, BigDecimal bandMaxCelsius) {
}
