// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import org.medtrace.chaincode.api.model.TemperatureSummary;

/**
 * A telemetry anchor: the Merkle root and summary of one logger's readings in one window, under key
 * {@code ("anchor", logger, windowEnd)}.
 *
 * @param logger the logger
 * @param windowStart start of the window (inclusive)
 * @param windowEnd end of the window (exclusive)
 * @param merkleRoot hex SHA-256 Merkle root of the readings
 * @param readingCount number of readings
 * @param summary what the readings say
 * @param anchoredAt transaction timestamp
 */
public record Anchor(String logger, Instant windowStart, Instant windowEnd, String merkleRoot, Integer readingCount,
        TemperatureSummary summary, Instant anchoredAt) {
}
