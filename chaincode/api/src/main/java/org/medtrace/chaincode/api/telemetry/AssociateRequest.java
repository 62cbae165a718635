// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.telemetry;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code telemetry:associate}. */
public record AssociateRequest(String loggerId, List<String> targets) {
    /** Validates and normalises every field. */
    public AssociateRequest {
        loggerId = Check.identifier("loggerId", loggerId);
        targets = Check.identifiers("targets", targets, 1, Limits.CODES_MAX);
    }
}
