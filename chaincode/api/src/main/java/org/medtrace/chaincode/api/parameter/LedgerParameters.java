// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.parameter;

import java.util.List;
import java.util.Optional;

/**
 * The ledger parameters: channel-wide settings every peer must agree on, so they live on the ledger (set by a
 * regulator with {@code parameters:set}) and never in a peer's environment.
 */
public final class LedgerParameters {
    /** How far an event's time may lie after the transaction timestamp, in seconds. */
    public static final Definition EVENT_TIME_SKEW_SECONDS = new Definition("eventTimeSkewSeconds", 300, 0, 3_600);
    /** Every parameter. */
    public static final List<Definition> ALL = List.of(EVENT_TIME_SKEW_SECONDS);

    private LedgerParameters() {
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
}
