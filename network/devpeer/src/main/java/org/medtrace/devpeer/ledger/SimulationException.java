// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

/** A request the simulation refuses; the message goes back to the chaincode as the shim's error. */
public final class SimulationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SimulationException(final String message) {
        super(message);
    }
}
