// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import org.medtrace.gateway.app.MedtraceConfig;

/** embedded mode: the dev peer in this JVM. Wired when the devpeer module is merged. */
final class EmbeddedNetwork {

    private EmbeddedNetwork() {
    }

    static LedgerNetwork start(final MedtraceConfig config) {
        throw new UnsupportedOperationException("the dev peer is not merged yet; use medtrace.ledger.mode=fabric");
    }
}
