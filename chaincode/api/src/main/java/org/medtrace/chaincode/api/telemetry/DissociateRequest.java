// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.telemetry;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code telemetry:dissociate}; no targets means all of the logger's. */
public record DissociateRequest(String loggerId, List<String> targets) {
    /** Validates and normalises every field. */
    public DissociateRequest {
        loggerId = Check.identifier("loggerId", loggerId);
        targets = Check.optionalIdentifiers("targets", targets, 1, Limits.CODES_MAX);
    }
}
