// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.medtrace.gateway.app.MedtraceConfig;

/**
 * Owns the ledger connection of this gateway: the network (embedded dev peer or real Fabric), the one shared gRPC
 * channel, and the {@link LedgerClient} on it. Started with the application so that a wrong endpoint or identity
 * fails the start, not the first request.
 */
@Startup
@ApplicationScoped
public class LedgerService {

    /**
     * Largest gRPC message accepted from the peer: Fabric peers' default (peer.maxRecvMsgSize / maxSendMsgSize,
     * 100 MB). gRPC's own default of 4 MiB is too small: the endorsement of a bulk commissioning of 10,000 codes
     * carries a read-write set of about 6 MB.
     */
    private static final int MESSAGE_BYTES_MAX = 100 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(LedgerService.class.getName());

    private final LedgerNetwork network;
    private final ManagedChannel channel;
    private final LedgerClient client;

    /**
     * @param config the gateway configuration
     * @throws IOException if the TLS root cannot be read
     */
    @Inject
    public LedgerService(final MedtraceConfig config) throws IOException {
        final MedtraceConfig.Ledger ledger = config.ledger();
        this.network = ledger.mode() == MedtraceConfig.LedgerMode.EMBEDDED
                ? EmbeddedNetwork.start(config)
                : new ConfiguredNetwork(ledger);
        final LedgerEndpoint endpoint = network.endpoint();
        final ChannelCredentials tls = TlsChannelCredentials.newBuilder()
                .trustManager(endpoint.tlsRootCertificate().toFile()).build();
        this.channel = Grpc.newChannelBuilder(endpoint.target(), tls)
                .overrideAuthority(endpoint.tlsServerName())
                .maxInboundMessageSize(MESSAGE_BYTES_MAX)
                .build();
        this.client = LedgerClient.builder()
                .channel(channel)
                .channelName(ledger.channel())
                .chaincodeName(ledger.chaincode())
                .identities(network.identities())
                .evaluateTimeout(Duration.ofMillis(ledger.evaluateTimeoutMs()))
                .endorseTimeout(Duration.ofMillis(ledger.endorseTimeoutMs()))
                .submitTimeout(Duration.ofMillis(ledger.submitTimeoutMs()))
                .commitStatusTimeout(Duration.ofMillis(ledger.commitStatusTimeoutMs()))
                .conflictRetries(ledger.conflictRetries())
                .conflictBackoff(Duration.ofMillis(ledger.conflictBackoffMs()))
                .build();
        if (ledger.mode() == MedtraceConfig.LedgerMode.EMBEDDED && ledger.embedded().demoOrganizations()) {
            bootstrapMembers(ledger.embedded().consortiumAuthority());
        }
        LOG.info(() -> "ledger " + ledger.mode().name().toLowerCase(java.util.Locale.ROOT) + " at "
                + endpoint.target() + ", channel " + ledger.channel() + ", chaincode " + ledger.chaincode() + ", "
                + network.identities().size() + " identities");
    }

    /** Registers the demo organisations before the gateway serves, so that their clients can act at once. */
    private void bootstrapMembers(final String authority) {
        try {
            DemoMembership.bootstrap(client, authority);
        } catch (LedgerException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot bootstrap the demo member registry: " + e.getMessage(), e);
        }
    }

    /** @return the ledger client. */
    public LedgerClient client() {
        return client;
    }

    /**
     * @param identity the identity a ledger query is signed with, where one is needed
     * @return the ledger's height (committed blocks): from the dev peer itself in embedded mode, from the peer's
     *     query system chaincode on Fabric
     * @throws LedgerException if the ledger did not answer
     */
    public long blockHeight(final String identity) throws LedgerException {
        final OptionalLong local = network.blockHeight();
        return local.isPresent() ? local.getAsLong() : client.blockHeight(identity);
    }

    /** @return the network the client talks to. */
    public LedgerNetwork network() {
        return network;
    }

    /** Closes the client, the channel and (embedded) the dev peer, in that order. */
    @PreDestroy
    void close() {
        client.close();
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
        network.close();
    }
}
