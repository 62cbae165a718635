// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.telemetry;

import java.time.LocalDate;
import org.medtrace.chaincode.core.Check;

/** The request of {@code telemetry:registerLogger}. */
record RegisterLoggerRequest(String loggerId, String model, LocalDate calibrationDueDate) {
    RegisterLoggerRequest {
        loggerId = Check.identifier("loggerId", loggerId);
        model = Check.optionalText("model", model, 128);
    }
}
