// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.telemetry;

import org.medtrace.chaincode.api.Check;

/** The request of {@code telemetry:revokeLogger}. */
public record LoggerRequest(String loggerId) {
    /** Validates and normalises every field. */
    public LoggerRequest {
        loggerId = Check.identifier("loggerId", loggerId);
    }
}
