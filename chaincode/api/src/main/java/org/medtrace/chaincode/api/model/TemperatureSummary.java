// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import java.math.BigDecimal;

/**
 * What a window of logger readings says, computed off-chain from the readings whose Merkle root is anchored.
 *
 * @param minCelsius lowest reading
 * @param maxCelsius highest reading
 * @param meanCelsius arithmetic mean
 * @param mktCelsius mean kinetic temperature (ΔH/R = 10 000 K)
 * @param minutesAbove minutes above the band
 * @param minutesBelow minutes below the band
 * @param longestAboveMinutes longest continuous run above the band
 * @param longestBelowMinutes longest continuous run below the band
 * @param gapCount number of gaps (missing samples)
 * @param longestGapMinutes longest gap
 * @param bandMinCelsius lower bound of the band applied
 * @param bandMaxCelsius upper bound of the band applied
 */
public record TemperatureSummary(BigDecimal minCelsius, BigDecimal maxCelsius, BigDecimal meanCelsius,
        BigDecimal mktCelsius, Integer minutesAbove, Integer minutesBelow, Integer longestAboveMinutes,
        Integer longestBelowMinutes, Integer gapCount, Integer longestGapMinutes, BigDecimal bandMinCelsius,
        BigDecimal bandMaxCelsius) {
}
