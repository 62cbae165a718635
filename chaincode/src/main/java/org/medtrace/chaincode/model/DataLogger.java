// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A cold-chain data logger, under key {@code ("logger", id)}.
 *
 * @param id identifier
 * @param owner MSP id of the organisation that runs it
 * @param model device model
 * @param calibrationDueDate when its calibration is due
 * @param active false once revoked
 * @param registeredAt transaction timestamp
 * @param revokedAt transaction timestamp of revocation
 * @param lastWindowStart start of the newest anchored window
 * @param lastWindowEnd end of the newest anchored window; the next window must not start before it
 */
public record DataLogger(String id, String owner, String model, LocalDate calibrationDueDate, Boolean active,
        Instant registeredAt, Instant revokedAt, Instant lastWindowStart, Instant lastWindowEnd) {

    /** @return a revoked copy */
    public DataLogger revoked(final Instant at) {
        return new DataLogger(id, owner, model, calibrationDueDate, false, registeredAt, at, lastWindowStart,
                lastWindowEnd);
    }

    /** @return a copy whose newest anchored window is the given one */
    public DataLogger anchored(final Instant windowStart, final Instant windowEnd) {
        return new DataLogger(id, owner, model, calibrationDueDate, active, registeredAt, revokedAt, windowStart,
                windowEnd);
    }
}
