// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.verification;

import org.medtrace.gateway.auth.Caller;

/**
 * What the ledger itself says of a code the read model does not have. The read model can lag behind the ledger
 * (right after a restart, after a database outage during which writes were acknowledged with
 * {@code projected: false}), so a scan asks the ledger before it calls a code unknown and raises an alert.
 */
@FunctionalInterface
public interface LedgerUnits {

    /** Asks nothing and answers "not on the ledger": the read model is taken as complete (tests of the queries). */
    LedgerUnits NOT_ASKED = (caller, code) -> false;

    /**
     * @param caller who scans; the ledger is asked as this caller's identity
     * @param code the canonical code
     * @return true if the ledger has the unit
     * @throws org.medtrace.gateway.errors.ApiException 503 {@code LEDGER_UNAVAILABLE} if the ledger cannot tell
     *     right now
     */
    boolean onLedger(Caller caller, String code);
}
