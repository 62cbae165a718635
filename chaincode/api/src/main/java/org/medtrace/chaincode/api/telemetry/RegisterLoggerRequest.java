// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.telemetry;

import java.time.LocalDate;
import org.medtrace.chaincode.api.Check;

/** The request of {@code telemetry:registerLogger}. */
public record RegisterLoggerRequest(String loggerId, String model, LocalDate calibrationDueDate) {
    /** Validates and normalises every field. */
    public RegisterLoggerRequest {
        loggerId = Check.identifier("loggerId", loggerId);
        model = Check.optionalText("model", model, 128);
    }
}
