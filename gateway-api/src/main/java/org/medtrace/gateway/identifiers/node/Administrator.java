// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.util.Objects;
import java.util.Set;
import org.medtrace.identifiers.Identifier;

/**
 * Someone who authenticated and may change the handles under some prefixes.
 *
 * @param name who, for logs: {@code 300:0.NA/88.118.8866} or {@code client huaxia}
 * @param prefixes the normalised prefixes whose handles this administrator may change
 * @param adminHandle the Handle administrator identity ({@code 0.NA/<prefix>}) for Handle-style administrators;
 *     null for gateway clients
 * @param adminIndex the index of its key value ({@code 300} in {@code 300:0.NA/88.118.8866}); 0 for gateway clients
 */
public record Administrator(String name, Set<String> prefixes, Identifier adminHandle, int adminIndex) {

    /** Checks the parts. */
    public Administrator {
        Objects.requireNonNull(name, "name");
        prefixes = Set.copyOf(prefixes);
    }

    /**
     * @param handle a handle
     * @return true if this administrator may change it
     */
    public boolean administers(final Identifier handle) {
        return prefixes.contains(handle.prefix());
    }
}
