// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.PercentEncoding;
import org.medtrace.identifiers.handle.HandleJsonCodec;
import org.medtrace.identifiers.handle.HandleJsonException;
import org.medtrace.identifiers.handle.HandleOperation;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleResponse;
import org.medtrace.identifiers.handle.HandleResponseCode;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.NamingAuthorities;
import org.medtrace.identifiers.handle.ValueFilter;

/**
 * A small Handle.Net-REST-compatible node on the JDK's HttpServer, bound to 127.0.0.1 on an ephemeral port: a real
 * peer over real sockets for the resolver tests, speaking through the library's codec, filters and referral rule.
 * It serves GET and PUT on {@code /api/handles/{handle}}; for a handle it does not hold it answers a prefix referral
 * (naming-authority handles), resolves it through a configured resolver (like the gateway will), or says 100.
 * Faults can be injected: a delay, failing the next requests with HTTP 503, or a fixed raw answer.
 */
final class HandleRestTestNode implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed
        // ACKs add about 40 ms to every keep-alive request. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HandleJsonCodec codec = HandleJsonCodec.create();
    private final Map<Identifier, HandleRecord> records = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByHandle = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile long delayMillis;
    private final AtomicReference<RawAnswer> rawAnswer = new AtomicReference<>();
    private volatile HandleResolver forwardResolver;

    /** A fixed answer that replaces the normal one. */
    record RawAnswer(int status, String contentType, byte[] body) {
    }

    HandleRestTestNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/api/handles/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    HandleRestTestNode put(final Identifier handle, final HandleValue... values) {
        records.put(handle, new HandleRecord(handle, List.of(values)));
        return this;
    }

    void remove(final Identifier handle) {
        records.remove(handle);
    }

    void forwardUnknownHandlesTo(final HandleResolver resolver) {
        this.forwardResolver = resolver;
    }

    void delay(final long millis) {
        this.delayMillis = millis;
    }

    void failNext(final int count) {
        failuresToServe.set(count);
    }

    void answerRaw(final RawAnswer answer) {
        rawAnswer.set(answer);
    }

    int requests() {
        return requests.get();
    }

    int requestsFor(final String handle) {
        return requestsByHandle.getOrDefault(handle, new AtomicInteger()).get();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String raw = exchange.getRequestURI().getRawPath().substring("/api/handles/".length());
            requestsByHandle.computeIfAbsent(raw, k -> new AtomicInteger()).incrementAndGet();
            if (!injectFault(exchange)) {
                route(exchange, raw);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean injectFault(final HttpExchange exchange) throws IOException, InterruptedException {
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 503, "text/html", "<html>busy</html>".getBytes(StandardCharsets.UTF_8));
            return true;
        }
        RawAnswer answer = rawAnswer.get();
        if (answer != null) {
            send(exchange, answer.status(), answer.contentType(), answer.body());
            return true;
        }
        return false;
    }

    private void route(final HttpExchange exchange, final String rawHandle) throws IOException, InterruptedException {
        Identifier handle;
        try {
            handle = Identifier.parse(PercentEncoding.decode(rawHandle));
        } catch (IllegalArgumentException e) {
            reply(exchange, HandleOperation.RESOLVE, HandleResponse.error(HandleResponseCode.INVALID_HANDLE,
                    rawHandle, e.getMessage()));
            return;
        }
        if (exchange.getRequestMethod().equals("PUT")) {
            store(exchange, handle);
        } else if (exchange.getRequestMethod().equals("GET")) {
            ValueFilter filter;
            try {
                filter = filter(exchange);
            } catch (IllegalArgumentException e) {
                reply(exchange, HandleOperation.RESOLVE, HandleResponse.error(HandleResponseCode.PROTOCOL_ERROR,
                        handle.toString(), e.getMessage()));
                return;
            }
            reply(exchange, HandleOperation.RESOLVE, resolveLocally(handle, filter));
        } else {
            reply(exchange, HandleOperation.RESOLVE, HandleResponse.error(HandleResponseCode.OPERATION_NOT_SUPPORTED,
                    handle.toString(), exchange.getRequestMethod() + " is not supported"));
        }
    }

    private HandleResponse resolveLocally(final Identifier handle, final ValueFilter filter)
            throws InterruptedException {
        HandleRecord record = records.get(handle);
        if (record != null) {
            HandleRecord selected = record.filter(filter);
            return selected.values().isEmpty() && !record.values().isEmpty()
                    ? HandleResponse.error(HandleResponseCode.VALUES_NOT_FOUND, handle.toString(), null)
                    : HandleResponse.of(selected);
        }
        Optional<HandleResponse> referral = NamingAuthorities.prefixReferral(handle,
                id -> Optional.ofNullable(records.get(id)));
        if (referral.isPresent()) {
            return referral.get();
        }
        HandleResolver resolver = forwardResolver;
        if (resolver != null && !NamingAuthorities.isNamingAuthority(handle)) {
            try {
                return HandleResponse.of(resolver.resolve(handle, filter).record());
            } catch (HandleNotFoundException | PrefixNotFoundException e) {
                return HandleResponse.error(HandleResponseCode.HANDLE_NOT_FOUND, handle.toString(), e.getMessage());
            } catch (ResolutionException e) {
                return HandleResponse.error(HandleResponseCode.ERROR, handle.toString(), e.getMessage());
            }
        }
        return HandleResponse.error(HandleResponseCode.HANDLE_NOT_FOUND, handle.toString(), "no such handle here");
    }

    private void store(final HttpExchange exchange, final Identifier handle) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
        try {
            HandleRecord record = new HandleRecord(handle, codec.readValues(body));
            boolean created = records.put(handle, record) == null;
            reply(exchange, created ? HandleOperation.CREATE : HandleOperation.MODIFY,
                    new HandleResponse(1, Optional.of(handle.toString()), List.of(), Optional.empty()));
        } catch (HandleJsonException e) {
            reply(exchange, HandleOperation.MODIFY, HandleResponse.error(HandleResponseCode.INVALID_VALUE,
                    handle.toString(), e.getMessage()));
        }
    }

    private static ValueFilter filter(final HttpExchange exchange) {
        List<String> indexes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        String query = exchange.getRequestURI().getRawQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0) {
                String value = PercentEncoding.decode(parameter.substring(equals + 1));
                if (parameter.startsWith("index=")) {
                    indexes.add(value);
                } else if (parameter.startsWith("type=")) {
                    types.add(value);
                }
            }
        }
        return ValueFilter.fromQuery(indexes, types);
    }

    private void reply(final HttpExchange exchange, final HandleOperation operation, final HandleResponse response)
            throws IOException {
        int status = response.code().map(c -> c.httpStatus(operation)).orElse(500);
        send(exchange, status, "application/json", codec.writeResponse(response));
    }

    private static void send(final HttpExchange exchange, final int status, final String contentType,
            final byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
