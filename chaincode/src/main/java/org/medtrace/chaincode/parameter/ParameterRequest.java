// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.parameter;

import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Parameters;

/** The request of {@code parameters:get}: a known parameter's name. */
record ParameterRequest(String name) {
    ParameterRequest {
        definition("name", name);
    }

    /** @return the definition of the parameter named; INVALID_ARGUMENT names the known ones */
    static Parameters.Definition definition(final String field, final String name) {
        Check.required(field, name);
        return Parameters.named(name).orElseThrow(() -> Check.invalid(field, "'" + name
                + "' is not a ledger parameter; known: " + Parameters.ALL.stream()
                        .map(Parameters.Definition::name).toList()));
    }
}
