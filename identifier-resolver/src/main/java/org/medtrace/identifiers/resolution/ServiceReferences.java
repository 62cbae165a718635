// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.SiteInfo;
import org.medtrace.identifiers.handle.ValueData;

/** Turns HS_SITE / HS_SERV values into endpoints, as described on {@link NodeEndpoint}. */
final class ServiceReferences {
    private ServiceReferences() {
    }

    /**
     * @param value an HS_SITE or HS_SITE.PREFIX value
     * @param skipped collects a description of every server or reference that gave no endpoint
     * @return its REST endpoints
     */
    static List<NodeEndpoint> fromSite(final HandleValue value, final List<String> skipped) {
        List<NodeEndpoint> endpoints = new ArrayList<>();
        if (value.data() instanceof ValueData.Site site) {
            Map<String, String> attributes = new LinkedHashMap<>();
            site.site().attributes().forEach(a -> attributes.putIfAbsent(a.name(), a.value()));
            for (SiteInfo.Server server : site.site().servers()) {
                int before = endpoints.size();
                for (SiteInfo.Interface item : server.interfaces()) {
                    String protocol = item.protocol().toUpperCase(Locale.ROOT);
                    if (item.query() && (protocol.equals("HTTP") || protocol.equals("HTTPS"))) {
                        host(protocol.toLowerCase(Locale.ROOT), server.address(), item.port())
                                .ifPresent(uri -> endpoints.add(new NodeEndpoint(uri, protocol, attributes)));
                    }
                }
                if (endpoints.size() == before) {
                    skipped.add("site server " + server.address() + " has no HTTP(S) query interface");
                }
            }
            return endpoints;
        }
        url(value).ifPresentOrElse(uri -> endpoints.add(NodeEndpoint.ofUri(uri)),
                () -> skipped.add(value.type() + " value " + value.index() + " is neither site data nor an http(s) URL"));
        return endpoints;
    }

    /** @return the http(s) URL a string value holds, if it holds one */
    static Optional<URI> url(final HandleValue value) {
        String text = value.textOrNull();
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> host(final String scheme, final String address, final int port) {
        String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        try {
            return Optional.of(new URI(scheme + "://" + host + ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
