// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.batch;

import java.time.LocalDate;
import org.medtrace.chaincode.api.Check;

/**
 * The request of {@code batch:recordLotRelease}, sent by the lot-release authority. The issuer is not a field: the
 * chaincode takes it from the caller's member registry entry.
 */
public record LotReleaseRequest(String batchId, String certificateNumber, LocalDate releaseDate) {
    /** Validates and normalises every field. */
    public LotReleaseRequest {
        batchId = Check.identifier("batchId", batchId);
        certificateNumber = Check.text("certificateNumber", certificateNumber, 64);
        Check.required("releaseDate", releaseDate);
    }
}
