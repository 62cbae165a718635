// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the gateway peer listens and how to trust its TLS certificate.
 *
 * @param target host:port
 * @param tlsRootCertificate PEM of the CA that signed the peer's TLS certificate
 * @param tlsServerName the name to verify in the peer's certificate
 */
public record LedgerEndpoint(String target, Path tlsRootCertificate, String tlsServerName) {

    /** Checks that every part is present. */
    public LedgerEndpoint {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tlsRootCertificate, "tlsRootCertificate");
        Objects.requireNonNull(tlsServerName, "tlsServerName");
    }
}
