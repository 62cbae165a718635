// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.batch;

import java.time.LocalDate;
import org.medtrace.chaincode.core.Check;

/** The request of {@code batch:recordLotRelease}. */
record LotReleaseRequest(String batchId, String certificateNumber, String issuer, LocalDate releaseDate) {
    LotReleaseRequest {
        batchId = Check.identifier("batchId", batchId);
        certificateNumber = Check.text("certificateNumber", certificateNumber, 64);
        issuer = Check.text("issuer", issuer);
        Check.required("releaseDate", releaseDate);
    }
}
