// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.math.BigDecimal;
import java.time.Instant;
import org.medtrace.chaincode.api.model.ExcursionKind;

/**
 * A cold-chain excursion reported for a logger, under key {@code ("excursion", id)}.
 *
 * @param id reference id; also the id of the hold it placed
 * @param logger the logger
 * @param kind high, low or gap
 * @param startedAt when it started
 * @param endedAt when it ended, if it has
 * @param minutes how long it lasted so far
 * @param peakCelsius the extreme reading
 * @param rule the rule that fired (e.g. "WHO type 1: >= 30 C cumulative 10 h")
 * @param heldCodes how many codes it put on hold
 * @param holdId the hold it placed
 * @param reportedBy MSP id
 * @param reportedAt transaction timestamp
 */
public record Excursion(String id, String logger, ExcursionKind kind, Instant startedAt, Instant endedAt,
        Integer minutes, BigDecimal peakCelsius, String rule, Integer heldCodes, String holdId, String reportedBy,
        Instant reportedAt) {
}
