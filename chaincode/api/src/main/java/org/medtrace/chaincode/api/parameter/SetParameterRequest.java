// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.parameter;

import org.medtrace.chaincode.api.Check;

/**
 * The request of {@code parameters:set}: a known parameter, a value within its bounds, and why.
 *
 * @param name the parameter
 * @param value its new value
 * @param reason why, kept on the ledger with who set it
 */
public record SetParameterRequest(String name, Integer value, String reason) {
    /** Validates and normalises every field. */
    public SetParameterRequest {
        LedgerParameters.Definition definition = ParameterRequest.definition("name", name);
        value = Check.range("value", value, (int) definition.min(), (int) definition.max());
        reason = Check.text("reason", reason);
    }
}
