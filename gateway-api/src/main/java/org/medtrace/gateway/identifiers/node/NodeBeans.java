// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medtrace.gateway.identifiers.IdentifiersConfig;
import org.medtrace.gateway.identifiers.TopLevelResolver;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.Ttl;
import org.medtrace.identifiers.handle.ValueData;

/** Builds the node from the configuration ({@code medtrace.identifiers.node.*}). */
@ApplicationScoped
public class NodeBeans {

    /**
     * @param config the identifier keys
     * @return the Handle-style administrators
     * @throws IllegalArgumentException naming the key, if an administrator is not valid
     */
    @Produces
    @Singleton
    HandleAdmins handleAdmins(final IdentifiersConfig config) {
        final Map<String, String> secrets = new HashMap<>();
        config.node().admins().forEach((name, admin) -> {
            final String key = "medtrace.identifiers.node.admins." + name;
            if (HandleAdmins.parseUser(admin.handle().strip()).isEmpty()) {
                throw new IllegalArgumentException(key + ".handle must be <index>:0.NA/<prefix>, got '"
                        + admin.handle() + "'");
            }
            secrets.put(admin.handle().strip(), admin.secretSha256());
        });
        return HandleAdmins.of(secrets);
    }

    /**
     * @param config the identifier keys
     * @param publicUrl where the node is reached
     * @param resolver the top-level resolver, for referrals
     * @param admins the Handle-style administrators, named in HS_ADMIN
     * @return the node's settings
     * @throws IllegalArgumentException if an administrator's prefix is not served
     */
    @Produces
    @Singleton
    NodeSettings settings(final IdentifiersConfig config, final PublicUrl publicUrl, final TopLevelResolver resolver,
            final HandleAdmins admins) {
        final List<String> prefixes = new ArrayList<>();
        for (final String prefix : config.node().prefixes().orElse(List.of(config.enterprisePrefix()))) {
            try {
                prefixes.add(Identifier.normalisePrefix(prefix.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("medtrace.identifiers.node.prefixes: " + e.getMessage(), e);
            }
        }
        final Map<String, ValueData.Admin> prefixAdmins = new HashMap<>();
        for (final String prefix : admins.prefixes()) {
            if (!prefixes.contains(prefix)) {
                throw new IllegalArgumentException("an administrator of prefix " + prefix + " is configured, but"
                        + " the node serves only " + prefixes + " (medtrace.identifiers.node.prefixes)");
            }
            admins.adminOf(prefix).ifPresent(user -> prefixAdmins.put(prefix,
                    new ValueData.Admin(user.handle(), user.index(), NodeSettings.ADMIN_PERMISSIONS)));
        }
        return new NodeSettings(Set.copyOf(prefixes), publicUrl, Ttl.seconds(config.node().siteTtlS()),
                prefixAdmins, resolver.resolver(), Clock.systemUTC());
    }

    /**
     * @param dataSource the gateway's database
     * @return the node's records
     */
    @Produces
    @Singleton
    HandleStore store(final AgroalDataSource dataSource) {
        return new PostgresHandleStore(dataSource);
    }

    /**
     * @param store the records
     * @param authenticator who may write
     * @param settings the node's settings
     * @return the node
     */
    @Produces
    @Singleton
    HandleNode node(final HandleStore store, final GatewayAuthenticator authenticator, final NodeSettings settings) {
        return new HandleNode(store, authenticator, settings);
    }
}
