// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.util.Objects;

/**
 * A logger the gateway ingests for.
 *
 * @param key its surrogate key in the readings table
 * @param loggerId its identifier on the ledger
 * @param ownerMsp the organisation that registered it
 */
record LoggerRef(int key, String loggerId, String ownerMsp) {

    LoggerRef {
        Objects.requireNonNull(loggerId, "loggerId");
        Objects.requireNonNull(ownerMsp, "ownerMsp");
    }
}
