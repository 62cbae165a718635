// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.medtrace.identifiers.resolution.HandleResolver;

/**
 * The gateway's one recursive resolver (identifier-resolver's {@link HandleResolver}), rooted at the configured
 * top-level node, with its cache: it resolves identifiers held by other nodes for the gateway's lookups, and the
 * naming-authority records the node's referrals point at. Absent when no top-level node is configured.
 */
@ApplicationScoped
public class TopLevelResolver {

    private static final Logger LOG = Logger.getLogger(TopLevelResolver.class.getName());

    private final Optional<HandleResolver> resolver;

    /** @param config the identifier keys */
    @Inject
    public TopLevelResolver(final IdentifiersConfig config) {
        final IdentifiersConfig.Resolution keys = config.resolution();
        this.resolver = keys.topLevelNode().map(uri -> {
            LOG.info(() -> "identifiers of other nodes resolve through the top-level node " + uri);
            return HandleResolver.builder(uri)
                    .connectTimeout(Duration.ofMillis(keys.requestTimeoutMs()))
                    .requestTimeout(Duration.ofMillis(keys.requestTimeoutMs()))
                    .resolutionTimeout(Duration.ofMillis(keys.timeoutMs()))
                    .retries(keys.attempts(), Duration.ofMillis(20), Duration.ofMillis(200))
                    .cacheEntriesMax(keys.cacheEntriesMax())
                    .ttlMax(Duration.ofSeconds(keys.ttlMaxS()))
                    .negativeTtl(Duration.ofSeconds(keys.negativeTtlS()))
                    .build();
        });
    }

    /** @return the resolver, if a top-level node is configured */
    public Optional<HandleResolver> resolver() {
        return resolver;
    }
}
