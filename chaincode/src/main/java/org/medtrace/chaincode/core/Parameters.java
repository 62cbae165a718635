// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import java.util.List;
import java.util.Optional;
import org.medtrace.chaincode.model.Parameter;

/**
 * The ledger parameters (docs/chaincode-api.md, "Parameters"): each with its default and bounds. A rule reads a
 * parameter from the world state, never from its peer's environment, so every endorser decides alike.
 */
public final class Parameters {
    /** How far an event's time may lie after the transaction timestamp, in seconds. */
    public static final Definition EVENT_TIME_SKEW_SECONDS = new Definition("eventTimeSkewSeconds", 300, 0, 3_600);
    /** Every parameter. */
    public static final List<Definition> ALL = List.of(EVENT_TIME_SKEW_SECONDS);

    private Parameters() {
    }

    /**
     * A parameter's name, default and bounds.
     *
     * @param name the name
     * @param defaultValue its value until a regulator sets one
     * @param min the smallest value allowed
     * @param max the largest value allowed
     */
    public record Definition(String name, long defaultValue, long min, long max) {
    }

    /** @return the definition of the parameter named, if there is one */
    public static Optional<Definition> named(final String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** @return the key of the parameter's record */
    public static String key(final Definition definition) {
        return Keys.of(Keys.PARAMETER, definition.name());
    }

    /** @return the parameter's value on the ledger, or its default */
    public static long value(final State state, final Definition definition) {
        Parameter stored = state.get(key(definition), Parameter.class);
        return stored == null ? definition.defaultValue() : stored.value();
    }
}
