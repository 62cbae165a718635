// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.parameter;

import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Parameters;

/** The request of {@code parameters:set}: a known parameter, a value within its bounds, and why. */
record SetParameterRequest(String name, Integer value, String reason) {
    SetParameterRequest {
        Parameters.Definition definition = ParameterRequest.definition("name", name);
        value = Check.range("value", value, (int) definition.min(), (int) definition.max());
        reason = Check.text("reason", reason);
    }
}
