// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.gateway.identifiers.node.HandleStore;
import org.medtrace.gateway.identifiers.node.NodeSettings;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.resolution.HandleNotFoundException;
import org.medtrace.identifiers.resolution.HandleResolver;
import org.medtrace.identifiers.resolution.PrefixNotFoundException;
import org.medtrace.identifiers.resolution.Resolution;
import org.medtrace.identifiers.resolution.ResolutionException;

/**
 * What the gateway asks when a lookup (a verification scan, a provenance, a product, batch or unit) names an
 * identifier its read model does not know: the node's own records for the prefixes it serves, else the identifier
 * system through the top-level node (identifier-resolver's recursive {@link HandleResolver}, with its TTL cache).
 * Never throws for a bad or unknown identifier.
 */
@ApplicationScoped
public class IdentifierLookup {

    private static final Logger LOG = Logger.getLogger(IdentifierLookup.class.getName());

    private final HandleStore store;
    private final NodeSettings node;
    private final Optional<HandleResolver> resolver;

    /**
     * @param store this node's records
     * @param node this node's settings
     * @param resolver the top-level resolver
     */
    @Inject
    public IdentifierLookup(final HandleStore store, final NodeSettings node, final TopLevelResolver resolver) {
        this.store = store;
        this.node = node;
        this.resolver = resolver.resolver();
    }

    /**
     * @param identifier a canonical identifier the read model does not know
     * @return what the identifier system says, or empty when there is nothing to ask (not an identifier, or a
     *     prefix this node does not serve and no top-level node configured)
     */
    public Optional<ResolvedIdentifier> lookUp(final String identifier) {
        final Identifier handle;
        try {
            handle = Identifier.parse(identifier);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (node.serves(handle.prefix())) {
            return Optional.of(local(handle));
        }
        return resolver.map(r -> remote(r, handle));
    }

    private ResolvedIdentifier local(final Identifier handle) {
        final String here = node.publicUrl().get().toString();
        return store.find(handle)
                .map(record -> found(record, ResolvedIdentifier.Status.REGISTERED_HERE, here, false, null,
                        "registered at this node (" + here + "), but not on the ledger"))
                .orElseGet(() -> new ResolvedIdentifier(handle.toString(), ResolvedIdentifier.Status.NOT_REGISTERED,
                        here, null, null, null, null, "not registered at this node (" + here
                                + "), which is responsible for prefix " + handle.prefix()));
    }

    private static ResolvedIdentifier remote(final HandleResolver resolver, final Identifier handle) {
        try {
            final Resolution resolution = resolver.resolve(handle);
            final String node = resolution.node().baseUri().toString();
            return found(resolution.record(), ResolvedIdentifier.Status.HELD_BY_ANOTHER_NODE, node,
                    resolution.fromCache(), resolution, "held by another node (" + node + ")");
        } catch (HandleNotFoundException | PrefixNotFoundException e) {
            return new ResolvedIdentifier(handle.toString(), ResolvedIdentifier.Status.NOT_REGISTERED, null, null,
                    null, null, null, "not registered at any node: " + e.getMessage());
        } catch (ResolutionException e) {
            LOG.log(Level.FINE, "cannot resolve " + handle, e);
            return new ResolvedIdentifier(handle.toString(), ResolvedIdentifier.Status.UNRESOLVABLE, null, null,
                    null, null, null, "could not be resolved: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ResolvedIdentifier(handle.toString(), ResolvedIdentifier.Status.UNRESOLVABLE, null, null,
                    null, null, null, "resolution was interrupted");
        }
    }

    private static ResolvedIdentifier found(final HandleRecord record, final ResolvedIdentifier.Status status,
            final String node, final boolean fromCache, final Resolution resolution, final String where) {
        final List<HandleValue> values = record.values().stream().filter(v -> v.permissions().publicRead()).toList();
        final String url = values.stream().filter(v -> v.type().equalsIgnoreCase(HandleTypes.URL))
                .map(HandleValue::textOrNull).filter(u -> u != null).findFirst().orElse(null);
        return new ResolvedIdentifier(record.handle().toString(), status, node, url, values, fromCache,
                resolution == null ? null : resolution.fetchedAt(), where + (url == null ? "" : "; its URL: " + url));
    }
}
