// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medtrace.gateway.app.MedtraceConfig;
import org.medtrace.gateway.identifiers.IdentifiersConfig;

/**
 * The root URL other nodes and clients reach this gateway at: {@code medtrace.identifiers.node.public-url}, or
 * {@code http://<quarkus.http.host>:<port>} with the port the HTTP server actually bound (it may be ephemeral).
 *
 * <p>The URL goes into Handle records that outlive this process and are read elsewhere (the HS_SITE of
 * {@code 0.NA/<prefix>}, the URL value of every registered identifier), so outside the embedded default it must be
 * configured and must not point at loopback: in fabric mode the gateway refuses to start otherwise
 * ({@link PublicUrlCheck}).
 */
@ApplicationScoped
public class PublicUrl implements Supplier<URI> {

    /** The configuration key of the public URL. */
    public static final String KEY = "medtrace.identifiers.node.public-url";

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

    /**
     * The start-up check: in the embedded default anything goes (a single-machine demo on loopback); in fabric mode
     * the URL must be set, absolute http(s), and name a host that is not loopback or the unspecified address.
     *
     * @param mode the ledger mode
     * @param configured {@value #KEY}
     * @return {@code configured}
     * @throws IllegalStateException naming the key and what is wrong, in fabric mode
     */
    static Optional<URI> checked(final MedtraceConfig.LedgerMode mode, final Optional<URI> configured) {
        if (mode == MedtraceConfig.LedgerMode.EMBEDDED) {
            return configured;
        }
        final String why = " In fabric mode this gateway publishes its public URL in Handle records that other nodes"
                + " and clients read (the HS_SITE of 0.NA/<prefix>, the URL value of every registered identifier), so"
                + " it refuses to start without one it can publish: set " + KEY + " to the http(s) URL they reach it"
                + " at, for example https://trace.example.cn (docs/configuration.md).";
        if (configured.isEmpty()) {
            throw new IllegalStateException(KEY + " is not set." + why);
        }
        final URI url = configured.get();
        final String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalStateException(KEY + "=" + url + " is not an absolute http(s) URL with a host." + why);
        }
        if (isLoopback(url.getHost())) {
            throw new IllegalStateException(KEY + "=" + url + " points at " + url.getHost() + ", which no other"
                    + " machine reaches." + why);
        }
        return configured;
    }

    /** Host names and literals of loopback and of the unspecified address; a host name is never looked up. */
    static boolean isLoopback(final String host) {
        final String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        final String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost") || lower.equals("localhost.")) {
            return true;
        }
        final boolean ipv4 = lower.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
        if (!ipv4 && !lower.contains(":")) {
            return false;
        }
        try {
            // a literal: parsed, never resolved
            final InetAddress address = InetAddress.getByName(lower);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
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
