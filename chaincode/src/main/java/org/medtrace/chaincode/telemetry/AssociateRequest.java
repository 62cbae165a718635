// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.telemetry;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code telemetry:associate}. */
record AssociateRequest(String loggerId, List<String> targets) {
    AssociateRequest {
        loggerId = Check.identifier("loggerId", loggerId);
        targets = Check.identifiers("targets", targets, 1, Limits.CODES_MAX);
    }
}
