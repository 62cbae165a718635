// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.batch;

import java.time.LocalDate;
import org.medtrace.chaincode.api.Check;

/** The request of {@code batch:recordLotRelease}. */
public record LotReleaseRequest(String batchId, String certificateNumber, String issuer, LocalDate releaseDate) {
    /** Validates and normalises every field. */
    public LotReleaseRequest {
        batchId = Check.identifier("batchId", batchId);
        certificateNumber = Check.text("certificateNumber", certificateNumber, 64);
        issuer = Check.text("issuer", issuer);
        Check.required("releaseDate", releaseDate);
    }
}
