// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.telemetry;

import org.medtrace.chaincode.core.Check;

/** The request of {@code telemetry:revokeLogger}. */
record LoggerRequest(String loggerId) {
    LoggerRequest {
        loggerId = Check.identifier("loggerId", loggerId);
    }
}
