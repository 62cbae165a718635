// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.identifiers.Identifier;

/**
 * Which gateway clients administer which prefixes: each organisation owns some served prefixes, and only the clients
 * it names as administrators ({@code medtrace.identifiers.node.organizations.<MSP id>.administrators}) administer
 * them. Its other clients, its logger identities and every client of another organisation administer nothing. The
 * configuration is checked once, at start: a named client must exist, belong to that organisation and not be a
 * logger, and a prefix must be served and owned by one organisation only.
 */
public final class OrganizationAdmins {

    private static final String KEY = "medtrace.identifiers.node.organizations.";
    private static final String LOGGER_ROLE = "logger";

    /** The prefixes each administering client administers, by client id. */
    private final Map<String, Set<String>> prefixesByClient;

    private OrganizationAdmins(final Map<String, Set<String>> prefixesByClient) {
        this.prefixesByClient = Map.copyOf(prefixesByClient);
    }

    /**
     * One organisation's configuration.
     *
     * @param prefixes the prefixes it owns
     * @param administrators its administering client ids
     */
    public record Organization(List<String> prefixes, List<String> administrators) {
        /** Copies the lists. */
        public Organization {
            prefixes = List.copyOf(prefixes);
            administrators = List.copyOf(administrators);
        }
    }

    /**
     * @param organizations the configuration by MSP id
     * @param clients the gateway's clients, by client id
     * @param served whether the node serves a (normalised) prefix
     * @return the administrators
     * @throws IllegalStateException naming the key, for a prefix that is not valid, not served or owned twice, or an
     *     administrator that is unknown, of another organisation or a logger
     */
    public static OrganizationAdmins of(final Map<String, Organization> organizations,
            final Function<String, Optional<Caller>> clients, final Predicate<String> served) {
        final Map<String, Set<String>> byClient = new HashMap<>();
        final Map<String, String> ownerOfPrefix = new HashMap<>();
        organizations.forEach((msp, organization) -> {
            final Set<String> prefixes = new HashSet<>();
            for (final String text : organization.prefixes()) {
                final String prefix;
                try {
                    prefix = Identifier.normalisePrefix(text.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(KEY + msp + ".prefixes: " + e.getMessage(), e);
                }
                if (!served.test(prefix)) {
                    throw new IllegalStateException(KEY + msp + ".prefixes names " + prefix + ", which this node"
                            + " does not serve (medtrace.identifiers.node.prefixes)");
                }
                final String owner = ownerOfPrefix.putIfAbsent(prefix, msp);
                if (owner != null && !owner.equals(msp)) {
                    throw new IllegalStateException(KEY + msp + ".prefixes names " + prefix + ", which " + owner
                            + " owns already: a prefix has one owning organisation");
                }
                prefixes.add(prefix);
            }
            for (final String text : organization.administrators()) {
                final String clientId = text.strip();
                final Caller caller = clients.apply(clientId).orElseThrow(() -> new IllegalStateException(KEY + msp
                        + ".administrators names " + clientId + ", which is no client of this gateway"));
                if (!caller.mspId().equals(msp)) {
                    throw new IllegalStateException(KEY + msp + ".administrators names " + clientId + ", a client of "
                            + caller.mspId() + ": an organisation's prefixes are administered by its own clients");
                }
                if (LOGGER_ROLE.equals(caller.role())) {
                    throw new IllegalStateException(KEY + msp + ".administrators names " + clientId + ", a logger"
                            + " identity: loggers never administer prefixes");
                }
                byClient.computeIfAbsent(clientId, k -> new HashSet<>()).addAll(prefixes);
            }
        });
        byClient.replaceAll((k, v) -> Set.copyOf(v));
        return new OrganizationAdmins(byClient);
    }

    /**
     * @param caller an authenticated gateway client
     * @return the administrator it is: the prefixes it administers, none unless named for its organisation
     */
    public Administrator administrator(final Caller caller) {
        Objects.requireNonNull(caller, "caller");
        final Set<String> prefixes = prefixesByClient.getOrDefault(caller.clientId(), Set.of());
        return new Administrator("client " + caller.clientId() + " (" + caller.mspId() + ")", prefixes, null, 0);
    }
}
