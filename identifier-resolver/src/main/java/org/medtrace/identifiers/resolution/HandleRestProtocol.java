// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.PercentEncoding;
import org.medtrace.identifiers.handle.HandleJsonCodec;
import org.medtrace.identifiers.handle.HandleJsonException;
import org.medtrace.identifiers.handle.HandleResponse;

/**
 * The Handle.Net REST API over {@link HttpClient}: {@code GET <base>/api/handles/<prefix>/<suffix>}, JSON answers read
 * with {@link HandleJsonCodec}. Serves endpoints of interface {@code HTTP}, {@code HTTPS} and {@code URL} with an
 * http(s) base URI.
 *
 * <pre>{@code
 * HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
 * NodeProtocol rest = HandleRestProtocol.create(http);
 * }</pre>
 */
public final class HandleRestProtocol implements NodeProtocol {
    /** Default largest response body read, in bytes. */
    public static final int RESPONSE_BYTES_MAX_DEFAULT = 1 << 20;

    private static final Set<String> INTERFACES = Set.of("HTTP", "HTTPS", "URL");
    private static final String API_PATH = "/api/handles/";

    private final HttpClient http;
    private final HandleJsonCodec codec = HandleJsonCodec.create();
    private final int responseBytesMax;

    private HandleRestProtocol(final HttpClient http, final int responseBytesMax) {
        this.http = http;
        this.responseBytesMax = responseBytesMax;
    }

    /**
     * @param http the client; its connect timeout applies, set it explicitly
     * @return the protocol, reading at most {@link #RESPONSE_BYTES_MAX_DEFAULT} bytes per response
     */
    public static HandleRestProtocol create(final HttpClient http) {
        return create(http, RESPONSE_BYTES_MAX_DEFAULT);
    }

    /**
     * @param http the client; its connect timeout applies, set it explicitly
     * @param responseBytesMax largest response body read; larger ones are malformed
     * @return the protocol
     */
    public static HandleRestProtocol create(final HttpClient http, final int responseBytesMax) {
        if (responseBytesMax < 1) {
            throw new IllegalArgumentException("responseBytesMax must be positive");
        }
        return new HandleRestProtocol(Objects.requireNonNull(http, "http"), responseBytesMax);
    }

    @Override
    public boolean supports(final NodeEndpoint endpoint) {
        String scheme = endpoint.baseUri().getScheme();
        return INTERFACES.contains(endpoint.interfaceProtocol().toUpperCase(Locale.ROOT)) && scheme != null
                && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && endpoint.baseUri().getHost() != null;
    }

    /**
     * @param endpoint a node
     * @param handle a handle
     * @return the URI of that handle's record at that node
     */
    public static URI recordUri(final NodeEndpoint endpoint, final Identifier handle) {
        String base = endpoint.baseUri().toString().replaceAll("/+$", "");
        if (base.endsWith("/api/handles")) {
            base = base.substring(0, base.length() - "/api/handles".length());
        }
        return URI.create(base + API_PATH + PercentEncoding.encode(handle.toString(), true));
    }

    @Override
    public HandleResponse query(final NodeEndpoint endpoint, final Identifier handle, final Duration timeout)
            throws NodeCallException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(recordUri(endpoint, handle)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new NodeCallException(NodeCallException.Kind.TIMEOUT, endpoint, "no answer from " + endpoint
                    + " within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new NodeCallException(NodeCallException.Kind.UNREACHABLE, endpoint, "cannot connect to "
                    + endpoint + ": " + e, e);
        } catch (IOException e) {
            throw new NodeCallException(NodeCallException.Kind.UNREACHABLE, endpoint, "I/O error talking to "
                    + endpoint + ": " + e, e);
        }
        byte[] body = readBounded(response, endpoint);
        int status = response.statusCode();
        try {
            return codec.readResponse(body);
        } catch (HandleJsonException e) {
            NodeCallException.Kind kind = status >= 500 || status == 429
                    ? NodeCallException.Kind.SERVER_ERROR : NodeCallException.Kind.MALFORMED;
            throw new NodeCallException(kind, endpoint, endpoint + " answered HTTP " + status
                    + " with a body that is not a Handle REST response (" + e.getMessage() + ")", e);
        }
    }

    private byte[] readBounded(final HttpResponse<InputStream> response, final NodeEndpoint endpoint)
            throws NodeCallException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(responseBytesMax + 1);
            if (body.length > responseBytesMax) {
                throw new NodeCallException(NodeCallException.Kind.MALFORMED, endpoint, endpoint
                        + " sent a response larger than " + responseBytesMax + " bytes", null);
            }
            return body;
        } catch (HttpTimeoutException e) {
            throw new NodeCallException(NodeCallException.Kind.TIMEOUT, endpoint, "response body from " + endpoint
                    + " timed out", e);
        } catch (IOException e) {
            throw new NodeCallException(NodeCallException.Kind.UNREACHABLE, endpoint, "reading the response of "
                    + endpoint + " failed: " + e, e);
        }
    }
}
