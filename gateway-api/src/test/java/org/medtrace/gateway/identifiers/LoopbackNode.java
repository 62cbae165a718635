// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.medtrace.gateway.identifiers.node.Administrator;
import org.medtrace.gateway.identifiers.node.HandleAdmins;
import org.medtrace.gateway.identifiers.node.HandleNode;
import org.medtrace.gateway.identifiers.node.NodeAuthenticator;
import org.medtrace.gateway.identifiers.node.NodeReply;
import org.medtrace.gateway.identifiers.node.NodeRequest;
import org.medtrace.gateway.identifiers.node.NodeSettings;
import org.medtrace.identifiers.PercentEncoding;
import org.medtrace.identifiers.handle.Ttl;

/**
 * A second instance of the node code outside Quarkus: {@link HandleNode} with records in memory behind the JDK's
 * HttpServer on 127.0.0.1 and an ephemeral port. The tests use it as the top-level node: it serves {@code 0.NA}
 * (delegations, written through its own REST API by its root administrator) and a prefix of its own. It counts the
 * GET requests for each handle, and tells them at {@code GET /requests/<handle>} (the Quarkus tests reach it over HTTP,
 * from another class loader).
 */
public final class LoopbackNode implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed
        // ACKs add about 40 ms to keep-alive requests.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The root administrator of the top-level node. */
    public static final String ROOT_ADMIN = "300:0.NA/0.NA";
    /** Its secret. */
    public static final String ROOT_SECRET = "root-secret";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HandleNode node;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    /**
     * @param prefixes the prefixes it serves, besides {@code 0.NA}
     * @throws IOException if the server cannot bind
     */
    public LoopbackNode(final Set<String> prefixes) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        final Set<String> served = new HashSet<>(prefixes);
        served.add("0.NA");
        final URI self = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        final HandleAdmins root = HandleAdmins.of(Map.of(ROOT_ADMIN, hex(HandleAdmins.sha256(ROOT_SECRET))));
        // As in Handle, the root administrator (0.NA/0.NA) administers every prefix of the node.
        final NodeAuthenticator everything = (user, secret) -> root.authenticate(user, secret)
                .map(admin -> new Administrator(admin.name(), served, admin.adminHandle(), admin.adminIndex()));
        node = new HandleNode(new InMemoryHandleStore(), everything,
                new NodeSettings(served, () -> self, Ttl.seconds(86_400), Map.of(), Optional.empty(),
                        Clock.systemUTC()));
        server.createContext("/api/handles", this::serve);
        server.createContext("/requests/", this::count);
        server.start();
    }

    /** @return the node's root URL */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * @param handle a handle as it appears in request paths
     * @return how many GET requests asked for it
     */
    public int requestsFor(final String handle) {
        return requests.getOrDefault(handle, new AtomicInteger()).get();
    }

    /** @return the Authorization header value of the root administrator */
    public static String rootAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((PercentEncoding.encode(ROOT_ADMIN, false)
                + ":" + ROOT_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private void serve(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String path = exchange.getRequestURI().getRawPath();
            final String raw = path.length() <= "/api/handles/".length() ? ""
                    : path.substring("/api/handles/".length());
            if (!raw.isEmpty() && exchange.getRequestMethod().equals("GET")) {
                requests.computeIfAbsent(PercentEncoding.decode(raw), k -> new AtomicInteger()).incrementAndGet();
            }
            final NodeReply reply = node.handle(new NodeRequest(exchange.getRequestMethod(), raw,
                    query(exchange.getRequestURI().getRawQuery()), exchange.getRequestBody().readNBytes(8 << 20),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
            if (reply.challenge()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"handle\"");
            }
            send(exchange, reply.status(), reply.body());
        }
    }

    private void count(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String handle = PercentEncoding.decode(exchange.getRequestURI().getRawPath()
                    .substring("/requests/".length()));
            send(exchange, 200, String.valueOf(requestsFor(handle)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, List<String>> query(final String raw) {
        final Map<String, List<String>> query = new HashMap<>();
        for (final String parameter : raw == null ? new String[0] : raw.split("&")) {
            final int equals = parameter.indexOf('=');
            final String name = PercentEncoding.decode(equals < 0 ? parameter : parameter.substring(0, equals));
            final String value = equals < 0 ? "" : PercentEncoding.decode(parameter.substring(equals + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static void send(final HttpExchange exchange, final int status, final byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", NodeReply.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String hex(final byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
