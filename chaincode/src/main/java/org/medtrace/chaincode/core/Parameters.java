// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import org.medtrace.chaincode.api.parameter.LedgerParameters;
import org.medtrace.chaincode.model.Parameter;

/**
 * The ledger parameters (docs/chaincode-api.md, "Parameters"): each with its default and bounds. A rule reads a
 * parameter from the world state, never from its peer's environment, so every endorser decides alike.
 */
public final class Parameters {
    private Parameters() {
    }

    /** @return the key of the parameter's record */
    public static String key(final LedgerParameters.Definition definition) {
        return Keys.of(Keys.PARAMETER, definition.name());
    }

    /** @return the parameter's value on the ledger, or its default */
    public static long value(final State state, final LedgerParameters.Definition definition) {
        Parameter stored = state.get(key(definition), Parameter.class);
        return stored == null ? definition.defaultValue() : stored.value();
    }
}
