// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.medtrace.gateway.auth.CallerRegistry;
import org.medtrace.gateway.identifiers.IdentifiersConfig;

/**
 * Who may write to the node: Handle-style administrators ({@code medtrace.identifiers.node.admins.*}, user
 * {@code <index>:0.NA/<prefix>}), and those of the gateway's own REST clients that their organisation names as
 * administrators of its prefixes ({@link OrganizationAdmins}). Any other client authenticates but administers
 * nothing.
 */
@ApplicationScoped
public class GatewayAuthenticator implements NodeAuthenticator {

    private final HandleAdmins handleAdmins;
    private final CallerRegistry callers;
    private final OrganizationAdmins organizationAdmins;

    /**
     * @param handleAdmins the Handle-style administrators
     * @param callers the gateway's REST clients
     * @param config the identifier keys
     * @param settings the node, for the served prefixes
     * @throws IllegalStateException if an organisation's prefixes or administrators are not valid
     */
    @Inject
    public GatewayAuthenticator(final HandleAdmins handleAdmins, final CallerRegistry callers,
            final IdentifiersConfig config, final NodeSettings settings) {
        this.handleAdmins = handleAdmins;
        this.callers = callers;
        final Map<String, OrganizationAdmins.Organization> organizations = new HashMap<>();
        config.node().organizations().forEach((msp, organization) -> organizations.put(msp,
                new OrganizationAdmins.Organization(organization.prefixes(), organization.administrators())));
        this.organizationAdmins = OrganizationAdmins.of(organizations, callers::client, settings::serves);
    }

    @Override
    public Optional<Administrator> authenticate(final String user, final String secret) {
        if (HandleAdmins.parseUser(user).isPresent()) {
            return handleAdmins.authenticate(user, secret);
        }
        return callers.authenticate(user, secret).map(organizationAdmins::administrator);
    }
}
