// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.identifiers.handle.HandleJsonCodec;
import org.medtrace.identifiers.handle.HandleResponse;
import org.medtrace.identifiers.handle.HandleResponseCode;

/**
 * The node side of the shared rules, over HTTP: what a node built on the codec, the filters and the response-code
 * mapping answers to good and malformed REST requests (the gateway's secondary node answers the same way).
 */
class NodeRequestTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final HandleJsonCodec codec = HandleJsonCodec.create();
    private HandleRestTestNode node;

    @BeforeEach
    void start() throws Exception {
        node = new HandleRestTestNode();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private HttpResponse<byte[]> send(final String method, final String path, final String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.uri() + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void put_creates_then_get_filters_by_index_and_subtype() throws Exception {
        String values = "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":\"https://t.example/1\"},"
                + "{\"index\":2,\"type\":\"HS_SITE.PREFIX\",\"data\":\"http://127.0.0.1:1\"}]}";
        assertThat(send("PUT", "/api/handles/88.118.8866/%E5%BD%93%E5%BD%92-1", values).statusCode()).isEqualTo(201);
        assertThat(send("PUT", "/api/handles/88.118.8866/%E5%BD%93%E5%BD%92-1", values).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> response = send("GET", "/api/handles/88.118.8866/%E5%BD%93%E5%BD%92-1?type=HS_SITE.",
                null);
        HandleResponse body = codec.readResponse(response.body());
        assertThat(body.handle()).hasValue("88.118.8866/当归-1");
        assertThat(body.values()).extracting(v -> v.index()).containsExactly(2);
        HttpResponse<byte[]> none = send("GET", "/api/handles/88.118.8866/%E5%BD%93%E5%BD%92-1?index=9", null);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(codec.readResponse(none.body()).code()).contains(HandleResponseCode.VALUES_NOT_FOUND);
    }

    @Test
    void malformed_requests_get_400_with_the_handle_code_and_the_path_of_the_problem() throws Exception {
        HttpResponse<byte[]> badBody = send("PUT", "/api/handles/88.1/x",
                "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":3}}]}");
        assertThat(badBody.statusCode()).isEqualTo(400);
        HandleResponse answer = codec.readResponse(badBody.body());
        assertThat(answer.code()).contains(HandleResponseCode.INVALID_VALUE);
        assertThat(answer.message()).hasValueSatisfying(m -> assertThat(m).contains("$.values[0].data.value"));

        HttpResponse<byte[]> badHandle = send("GET", "/api/handles/88..1/x", null);
        assertThat(badHandle.statusCode()).isEqualTo(400);
        assertThat(codec.readResponse(badHandle.body()).code()).contains(HandleResponseCode.INVALID_HANDLE);

        HttpResponse<byte[]> badFilter = send("GET", "/api/handles/88.1/x?index=one", null);
        assertThat(badFilter.statusCode()).isEqualTo(400);

        HttpResponse<byte[]> missing = send("GET", "/api/handles/88.1/nothing", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(codec.readResponse(missing.body()).code()).contains(HandleResponseCode.HANDLE_NOT_FOUND);
    }
}
