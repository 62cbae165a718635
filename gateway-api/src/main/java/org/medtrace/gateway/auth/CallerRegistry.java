// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medtrace.gateway.app.MedtraceConfig;
import org.medtrace.gateway.ledger.DemoOrganizations;
import org.medtrace.gateway.ledger.LedgerIdentity;
import org.medtrace.gateway.ledger.LedgerService;

/**
 * The REST clients: configured ones ({@code medtrace.auth.clients.*}) and, in embedded mode, the demo ones. A client
 * authenticates with a secret whose SHA-256 is configured, and acts as one ledger identity.
 */
@ApplicationScoped
public class CallerRegistry {

    private record Registered(Caller caller, byte[] secretSha256) {
    }

    private final Map<String, Registered> clients;

    /**
     * @param config configuration
     * @param ledger the ledger, for the identities clients may act as
     */
    @Inject
    public CallerRegistry(final MedtraceConfig config, final LedgerService ledger) {
        final Map<String, LedgerIdentity> identities = ledger.network().identities().stream()
                .collect(Collectors.toMap(LedgerIdentity::name, Function.identity()));
        final Map<String, Registered> byId = new HashMap<>();
        if (config.ledger().mode() == MedtraceConfig.LedgerMode.EMBEDDED
                && config.ledger().embedded().demoOrganizations()) {
            for (final DemoOrganizations.Member member : DemoOrganizations.MEMBERS) {
                byId.put(member.clientId(), register(member.clientId(), member.clientId(), identities,
                        sha256(member.demoSecret())));
            }
        }
        config.auth().clients().forEach((id, client) -> byId.put(id, register(id, client.identity(), identities,
                HexFormat.of().parseHex(client.secretSha256().trim().toLowerCase(java.util.Locale.ROOT)))));
        this.clients = Map.copyOf(byId);
    }

    private static Registered register(final String clientId, final String identityName,
            final Map<String, LedgerIdentity> identities, final byte[] secretSha256) {
        final LedgerIdentity identity = identities.get(identityName);
        if (identity == null) {
            throw new IllegalStateException("client " + clientId + " acts as unknown ledger identity " + identityName);
        }
        if (secretSha256.length != 32) {
            throw new IllegalStateException("client " + clientId + ": secret-sha256 must be 64 hex digits");
        }
        return new Registered(Caller.actingAs(clientId, identity), secretSha256);
    }

    /**
     * Authenticates a client. The comparison takes the same time whatever the secret.
     *
     * @param clientId the client id
     * @param secret the presented secret
     * @return the caller, or empty if the client is unknown or the secret wrong
     */
    public Optional<Caller> authenticate(final String clientId, final String secret) {
        final Registered registered = clients.get(clientId);
        final byte[] presented = sha256(secret);
        if (registered == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(registered.secretSha256(), presented)
                ? Optional.of(registered.caller()) : Optional.empty();
    }

    /**
     * @param clientId a client id
     * @return the caller that client acts as, without authenticating it (for checking configuration that names
     *     clients), or empty for an unknown client
     */
    public Optional<Caller> client(final String clientId) {
        return Optional.ofNullable(clients.get(clientId)).map(Registered::caller);
    }

    static byte[] sha256(final String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
