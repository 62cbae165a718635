// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medtrace.gateway.identifiers.IdentifiersConfig;

/**
 * The root URL other nodes and clients reach this gateway at: {@code medtrace.identifiers.node.public-url}, or
 * {@code http://<quarkus.http.host>:<port>} with the port the HTTP server actually bound (it may be ephemeral).
 */
@ApplicationScoped
public class PublicUrl implements Supplier<URI> {

    private static final Logger LOG = Logger.getLogger(PublicUrl.class.getName());

    private final Optional<URI> configured;
    private final String host;
    private volatile int boundPort;

    /**
     * @param config the identifier keys
     * @param host the HTTP host the gateway binds
     * @param port the configured HTTP port
     */
    @Inject
    public PublicUrl(final IdentifiersConfig config,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1") final String host,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") final int port) {
        this.configured = config.node().publicUrl();
        this.host = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
        this.boundPort = port;
        if (configured.isEmpty() && !this.host.equals(host)) {
            LOG.warning("the gateway listens on " + host + " but medtrace.identifiers.node.public-url is not set:"
                    + " other nodes are told to reach it at " + this.host);
        }
    }

    void onHttpStart(@Observes final HttpServerStart start) {
        boundPort = start.options().getPort();
    }

    @Override
    public URI get() {
        return configured.orElseGet(() -> URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + boundPort));
    }
}
