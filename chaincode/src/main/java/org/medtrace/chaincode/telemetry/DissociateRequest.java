// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.telemetry;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code telemetry:dissociate}; no targets means all of the logger's. */
record DissociateRequest(String loggerId, List<String> targets) {
    DissociateRequest {
        loggerId = Check.identifier("loggerId", loggerId);
        targets = Check.optionalIdentifiers("targets", targets, 1, Limits.CODES_MAX);
    }
}
