// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.medtrace.gateway.app.MedtraceConfig;
import org.medtrace.gateway.identifiers.IdentifiersConfig;

/**
 * Refuses to start in fabric mode when {@code medtrace.identifiers.node.public-url} is not set, not an absolute
 * http(s) URL, or loopback ({@link PublicUrl#checked}). It runs before the other start-up beans (the ledger
 * connection among them), so the refusal is the first thing an operator reads, and it is a bean of its own so that
 * {@link PublicUrl} is still made when first used, after the HTTP server has told it its port.
 */
@Startup(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class PublicUrlCheck {

    /**
     * @param medtrace the gateway's keys: the ledger mode
     * @param config the identifier keys
     * @throws IllegalStateException in fabric mode, naming the key and what is wrong
     */
    @Inject
    public PublicUrlCheck(final MedtraceConfig medtrace, final IdentifiersConfig config) {
        PublicUrl.checked(medtrace.ledger().mode(), config.node().publicUrl());
    }
}
