// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.NamingAuthorities;
import org.medtrace.identifiers.handle.Ttl;
import org.medtrace.identifiers.handle.ValueData;
import org.medtrace.identifiers.resolution.HandleResolver;

/**
 * What a node is: the prefixes it is responsible for, where it is reached, and who to ask about the others.
 *
 * @param prefixes the normalised prefixes this node serves: it answers for their handles, accepts writes to them
 *     and publishes {@code 0.NA/<prefix>} pointing at itself
 * @param publicUrl the node's root URL as others reach it (a supplier: the HTTP port may be known only after start)
 * @param siteTtl TTL of the {@code 0.NA/<prefix>} values
 * @param prefixAdmins the HS_ADMIN of each served prefix's {@code 0.NA} record; prefixes without one get
 *     {@code 300:0.NA/<prefix>}
 * @param resolver resolves naming-authority handles of other prefixes, for referrals; empty: none
 * @param clock the time written as value timestamps
 */
public record NodeSettings(Set<String> prefixes, Supplier<URI> publicUrl, Ttl siteTtl,
        Map<String, ValueData.Admin> prefixAdmins, Optional<HandleResolver> resolver, Clock clock) {

    /** Normalises the prefixes and copies the collections. */
    public NodeSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(siteTtl, "siteTtl");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(clock, "clock");
        prefixes = Set.copyOf(prefixes.stream().map(Identifier::normalisePrefix).toList());
        prefixAdmins = Map.copyOf(prefixAdmins);
    }

    /** HS_ADMIN permissions the node gives: everything but adding naming authorities, as Handle.Net does. */
    public static final String ADMIN_PERMISSIONS = "011111111111";

    /** The index of an administrator's key value by Handle convention ({@code 300:0.NA/<prefix>}). */
    public static final int ADMIN_KEY_INDEX = 300;

    /**
     * @param prefix a served prefix
     * @return the HS_ADMIN data of the prefix's records: its configured administrator, else
     *     {@code 300:0.NA/<prefix>}
     */
    public ValueData.Admin adminOf(final String prefix) {
        final ValueData.Admin configured = prefixAdmins.get(prefix);
        return configured != null ? configured
                : new ValueData.Admin(NamingAuthorities.handleOf(prefix), ADMIN_KEY_INDEX, ADMIN_PERMISSIONS);
    }

    /**
     * @param prefix a normalised prefix
     * @return true if this node is responsible for it
     */
    public boolean serves(final String prefix) {
        return prefixes.contains(prefix);
    }
}
