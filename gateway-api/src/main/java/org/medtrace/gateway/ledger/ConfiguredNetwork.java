// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medtrace.gateway.app.MedtraceConfig;

/** fabric mode: a real Fabric network, everything from configuration. */
final class ConfiguredNetwork implements LedgerNetwork {

    private final LedgerEndpoint endpoint;
    private final List<LedgerIdentity> identities;

    ConfiguredNetwork(final MedtraceConfig.Ledger config) {
        final String target = config.peerEndpoint()
                .orElseThrow(() -> missing("medtrace.ledger.peer-endpoint"));
        final Path tlsRoot = config.tlsCaCertificate()
                .orElseThrow(() -> missing("medtrace.ledger.tls-ca-certificate"));
        final String serverName = config.tlsServerName().orElse(target.replaceFirst(":\\d+$", ""));
        this.endpoint = new LedgerEndpoint(target, tlsRoot, serverName);
        final List<LedgerIdentity> list = new ArrayList<>();
        for (final Map.Entry<String, MedtraceConfig.Identity> entry : config.identities().entrySet()) {
            final String prefix = "medtrace.ledger.identities." + entry.getKey();
            final MedtraceConfig.Identity identity = entry.getValue();
            list.add(new LedgerIdentity(entry.getKey(), identity.mspId(), identity.role(),
                    identity.certificate().orElseThrow(() -> missing(prefix + ".certificate")),
                    identity.privateKey().orElseThrow(() -> missing(prefix + ".private-key"))));
        }
        if (list.isEmpty()) {
            throw missing("medtrace.ledger.identities.<name>.*");
        }
        this.identities = List.copyOf(list);
    }

    private static IllegalStateException missing(final String key) {
        return new IllegalStateException("fabric mode needs " + key);
    }

    @Override
    public LedgerEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public List<LedgerIdentity> identities() {
        return identities;
    }

    @Override
    public void close() {
        // nothing runs here: the network is someone else's
    }
}
