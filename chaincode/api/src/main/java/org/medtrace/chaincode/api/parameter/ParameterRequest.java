// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.parameter;

import org.medtrace.chaincode.api.Check;

/**
 * The request of {@code parameters:get}: a known parameter's name.
 *
 * @param name the parameter
 */
public record ParameterRequest(String name) {
    /** Validates the name. */
    public ParameterRequest {
        definition("name", name);
    }

    /** @return the definition of the parameter named; INVALID_ARGUMENT names the known ones */
    public static LedgerParameters.Definition definition(final String field, final String name) {
        Check.required(field, name);
        // the name is shown shortened: a refusal's message travels in a gRPC status header of bounded size
        String shown = name.length() > 80 ? name.substring(0, 77) + "..." : name;
        return LedgerParameters.named(name).orElseThrow(() -> Check.invalid(field, "'" + shown
                + "' is not a ledger parameter; known: " + LedgerParameters.ALL.stream()
                        .map(LedgerParameters.Definition::name).toList()));
    }
}
