// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import java.util.List;

/**
 * A hold (quarantine), under key {@code ("hold", id)}. It remembers every code it put on hold, so that releasing it
 * lifts exactly those holds even if the goods were repacked since.
 *
 * @param id reference id
 * @param reason why
 * @param placedBy MSP id
 * @param placedByRole role of the caller that placed it
 * @param placedAt transaction timestamp
 * @param codes the codes named (top level), for a hold on goods
 * @param heldCodes every code the hold was put on (the trees of {@code codes})
 * @param batchIds the batches, for a batch hold
 * @param mahs MSP ids of the MAHs of the goods or batches held
 * @param excursionId the excursion that placed it, if any
 * @param status active or released
 * @param releasedBy MSP id
 * @param releasedAt transaction timestamp
 */
public record Hold(String id, String reason, String placedBy, String placedByRole, Instant placedAt,
        List<String> codes, List<String> heldCodes, List<String> batchIds, List<String> mahs, String excursionId,
        HoldStatus status, String releasedBy, Instant releasedAt) {

    /** Reason of the hold an excursion places. */
    public static final String REASON_TEMPERATURE_EXCURSION = "temperature_excursion";
    /** Reason of the hold a non-conformant inspection places. */
    public static final String REASON_INSPECTION_FAILED = "inspection_failed";

    /** @return a released copy */
    public Hold released(final String by, final Instant at) {
        return new Hold(id, reason, placedBy, placedByRole, placedAt, codes, heldCodes, batchIds, mahs, excursionId,
                HoldStatus.RELEASED, by, at);
    }
}
