// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The data of an HS_SITE (or HS_SITE.PREFIX) value in format {@code site}: a service site and its servers, as
 * Handle.Net servers write it in REST JSON.
 *
 * <pre>{@code
 * {"version":1,"protocolVersion":"2.10","serialNumber":1,"primarySite":true,"multiPrimary":false,
 *  "attributes":[{"name":"desc","value":"MedTrace secondary node"}],
 *  "servers":[{"serverId":1,"address":"127.0.0.1",
 *              "interfaces":[{"query":true,"admin":true,"protocol":"HTTP","port":8080}]}]}
 * }</pre>
 *
 * <p>A client of the REST API reaches a server through its interfaces of protocol {@code HTTP} or {@code HTTPS}
 * whose {@code query} flag is set: {@code http(s)://<address>:<port>/api/handles/...}. {@code TCP} and {@code UDP}
 * interfaces speak the binary Handle protocol.
 *
 * @param version the site data format version
 * @param protocolVersion the Handle protocol version, for example {@code "2.10"}
 * @param serialNumber increases whenever the site changes
 * @param primarySite whether this is a primary site
 * @param multiPrimary whether several primary sites exist
 * @param hashOption how handles are spread over the servers, if given
 * @param hashFilter the hash filter, if given
 * @param attributes name/value attributes, such as {@code desc}
 * @param servers the servers of the site
 */
public record SiteInfo(int version, String protocolVersion, int serialNumber, boolean primarySite,
        boolean multiPrimary, OptionalInt hashOption, Optional<String> hashFilter, List<Attribute> attributes,
        List<Server> servers) {
    /** Most servers accepted in one site. */
    public static final int SERVERS_MAX = 64;

    /** Checks sizes and copies the lists. */
    public SiteInfo {
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(hashOption, "hashOption");
        Objects.requireNonNull(hashFilter, "hashFilter");
        attributes = List.copyOf(attributes);
        servers = List.copyOf(servers);
        if (servers.size() > SERVERS_MAX) {
            throw new IllegalArgumentException("a site may list at most " + SERVERS_MAX + " servers, got "
                    + servers.size());
        }
    }

    /**
     * A site of one server that answers the REST API: what a MedTrace node publishes for itself.
     *
     * @param address host name or IP address
     * @param port the HTTP(S) port
     * @param https true for an HTTPS interface
     * @param description the site's {@code desc} attribute
     * @return the site
     */
    public static SiteInfo ofRestServer(final String address, final int port, final boolean https,
            final String description) {
        Interface rest = new Interface(true, false, https ? "HTTPS" : "HTTP", port);
        return new SiteInfo(1, "2.10", 1, true, false, OptionalInt.empty(), Optional.empty(),
                List.of(new Attribute("desc", description)),
                List.of(new Server(1, address, Optional.empty(), List.of(rest))));
    }

    /**
     * A site attribute.
     *
     * @param name the name
     * @param value the value
     */
    public record Attribute(String name, String value) {
        /** @throws NullPointerException if an argument is null */
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * One server of a site.
     *
     * @param serverId its number within the site
     * @param address host name or IP address
     * @param publicKeyJson the server's public key as the JSON of a {@code {"format":..,"value":..}} object, kept
     *     verbatim
     * @param interfaces how the server can be reached
     */
    public record Server(int serverId, String address, Optional<String> publicKeyJson, List<Interface> interfaces) {
        /** Copies the list. */
        public Server {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(publicKeyJson, "publicKeyJson");
            interfaces = List.copyOf(interfaces);
        }
    }

    /**
     * One interface of a server.
     *
     * @param query it answers resolution requests
     * @param admin it accepts administration requests
     * @param protocol {@code TCP}, {@code UDP}, {@code HTTP} or {@code HTTPS}
     * @param port the port
     */
    public record Interface(boolean query, boolean admin, String protocol, int port) {
        /** @throws IllegalArgumentException if the port is not 1 to 65535 */
        public Interface {
            Objects.requireNonNull(protocol, "protocol");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("interface port must be 1 to 65535, got " + port);
            }
        }
    }
}
