// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One way to reach a node, taken from an HS_SITE or HS_SERV value or from configuration.
 *
 * <p>How HS_SITE data becomes endpoints (the representation MedTrace nodes publish and read):
 * <ul>
 *   <li>format {@code site}: every server interface with {@code "query":true} and protocol {@code HTTP} or
 *       {@code HTTPS} gives {@code http(s)://<address>:<port>}, interface {@code HTTP}/{@code HTTPS}; TCP and UDP
 *       interfaces (binary Handle protocol) are skipped;</li>
 *   <li>format {@code string} holding an {@code http(s)} URL (in HS_SITE, or in HS_SERV instead of a service handle):
 *       that URL, interface {@code URL}.</li>
 * </ul>
 * The REST API lives under {@code <baseUri>/api/handles/}. Servers of one site are treated as replicas, tried in
 * order.
 *
 * @param baseUri the node's root URI, without {@code /api/handles}
 * @param interfaceProtocol {@code HTTP}, {@code HTTPS} or {@code URL}
 * @param siteAttributes the site's attributes (empty for URL references), for protocols that need hints
 */
public record NodeEndpoint(URI baseUri, String interfaceProtocol, Map<String, String> siteAttributes) {
    /** Copies the attributes. */
    public NodeEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(interfaceProtocol, "interfaceProtocol");
        siteAttributes = Map.copyOf(siteAttributes);
    }

    /**
     * @param baseUri a node's root URI, such as {@code http://127.0.0.1:8080}
     * @return an endpoint of interface {@code URL}
     */
    public static NodeEndpoint ofUri(final URI baseUri) {
        return new NodeEndpoint(baseUri, "URL", Map.of());
    }

    @Override
    public String toString() {
        return baseUri.toString();
    }
}
