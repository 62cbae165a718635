// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.auth.CallerRegistry;
import org.medtrace.gateway.identifiers.IdentifiersConfig;
import org.medtrace.identifiers.Identifier;

/**
 * Who may write to the node: Handle-style administrators ({@code medtrace.identifiers.node.admins.*}, user
 * {@code <index>:0.NA/<prefix>}), and the gateway's own REST clients, each administering the prefixes listed for its
 * organisation in {@code medtrace.identifiers.node.organization-admins.<MSP id>}. A client of another organisation
 * authenticates but administers nothing.
 */
@ApplicationScoped
public class GatewayAuthenticator implements NodeAuthenticator {

    private final HandleAdmins handleAdmins;
    private final CallerRegistry callers;
    private final Map<String, Set<String>> prefixesByMsp;

    /**
     * @param handleAdmins the Handle-style administrators
     * @param callers the gateway's REST clients
     * @param config the identifier keys
     * @param settings the node, for the served prefixes
     * @throws IllegalArgumentException if an organisation administers a prefix the node does not serve
     */
    @Inject
    public GatewayAuthenticator(final HandleAdmins handleAdmins, final CallerRegistry callers,
            final IdentifiersConfig config, final NodeSettings settings) {
        this.handleAdmins = handleAdmins;
        this.callers = callers;
        final Map<String, Set<String>> byMsp = new HashMap<>();
        config.node().organizationAdmins().forEach((msp, list) -> {
            final List<String> prefixes = List.of(list.split(",")).stream().map(String::strip)
                    .filter(p -> !p.isEmpty()).map(Identifier::normalisePrefix).toList();
            for (final String prefix : prefixes) {
                if (!settings.serves(prefix)) {
                    throw new IllegalArgumentException("medtrace.identifiers.node.organization-admins." + msp
                            + " names prefix " + prefix + ", which this node does not serve " + settings.prefixes());
                }
            }
            byMsp.put(msp, Set.copyOf(prefixes));
        });
        this.prefixesByMsp = Map.copyOf(byMsp);
    }

    @Override
    public Optional<Administrator> authenticate(final String user, final String secret) {
        if (HandleAdmins.parseUser(user).isPresent()) {
            return handleAdmins.authenticate(user, secret);
        }
        return callers.authenticate(user, secret).map(this::administrator);
    }

    private Administrator administrator(final Caller caller) {
        return new Administrator("client " + caller.clientId() + " (" + caller.mspId() + ")",
                prefixesByMsp.getOrDefault(caller.mspId(), Set.of()), null, 0);
    }
}
