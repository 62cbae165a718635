// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;
import org.medtrace.identifiers.PercentEncoding;

/**
 * The Handle.Net-compatible REST API of the gateway's node over real HTTP: reads, whole and partial writes, the
 * filters, credentials, the naming-authority record, referrals for other prefixes, and malformed requests, each with
 * its Handle code, HTTP status and JSON body.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
@WithTestResource(TwoNodesTestResource.class)
class HandleRestApiTest {

    private static final String VALUES = "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\","
            + "\"value\":\"https://trace.example.cn/u/1\"}},{\"index\":2000,\"type\":\"MEDTRACE.PRODUCT_NAME\","
            + "\"data\":{\"format\":\"string\",\"value\":\"乙肝疫苗\"},\"ttl\":600}]}";

    static RequestSpecification admin() {
        return given().auth().preemptive().basic(PercentEncoding.encode(TwoNodesTestResource.NODE_ADMIN, false),
                TwoNodesTestResource.NODE_SECRET).contentType(ContentType.JSON);
    }

    /** A GET the HTTP clients refuse to send (a malformed escape), over a plain socket. */
    static String rawGet(final String path) throws java.io.IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** Sends a request head as it is, over a plain socket, and reads the whole answer. */
    static String raw(final String head) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static String fresh() {
        return TwoNodesTestResource.PREFIX + "/T-" + Api.digits(12);
    }

    @Test
    void a_put_record_reads_back_publicly_with_index_and_type_filters_and_the_subtype_rule() {
        final String handle = fresh();
        admin().body(VALUES).put("/api/handles/" + handle).then().statusCode(201)
                .body("responseCode", equalTo(1)).body("handle", equalTo(handle));

        final JsonPath all = given().get("/api/handles/" + handle).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(all.getInt("responseCode")).isEqualTo(1);
        assertThat(all.getList("values.index", Integer.class)).containsExactly(1, 100, 2000);
        assertThat(all.getString("values[1].type")).isEqualTo("HS_ADMIN");
        assertThat(all.getString("values[1].data.value.handle")).isEqualTo("0.NA/88.118.8866");
        assertThat(all.getInt("values[1].data.value.index")).isEqualTo(300);
        assertThat(all.getInt("values[2].ttl")).isEqualTo(600);
        assertThat(all.getString("values[0].timestamp")).isNotBlank();

        given().queryParam("index", 2000).get("/api/handles/" + handle).then().statusCode(200)
                .body("values.index", equalTo(List.of(2000)));
        given().queryParam("type", "url").queryParam("index", 100).get("/api/handles/" + handle).then()
                .statusCode(200).body("values.index", equalTo(List.of(1, 100)));
        given().queryParam("type", "MEDTRACE.").get("/api/handles/" + handle).then().statusCode(200)
                .body("values.type", equalTo(List.of("MEDTRACE.PRODUCT_NAME")));
        given().queryParam("type", "NO_SUCH_TYPE").get("/api/handles/" + handle).then().statusCode(200)
                .body("responseCode", equalTo(200)).body("values", nullValue());
    }

    @Test
    void overwrite_false_refuses_an_existing_handle_and_existing_values_and_changes_nothing() {
        final String handle = fresh();
        admin().body(VALUES).put("/api/handles/" + handle).then().statusCode(201);
        final String other = VALUES.replace("https://trace.example.cn/u/1", "https://elsewhere.example/");

        admin().queryParam("overwrite", "false").body(other).put("/api/handles/" + handle).then()
                .statusCode(409).body("responseCode", equalTo(101));
        admin().queryParam("overwrite", "false").queryParam("index", 1)
                .body("[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"https://elsewhere.example/\"}}]")
                .put("/api/handles/" + handle).then().statusCode(409).body("responseCode", equalTo(201));
        given().get("/api/handles/" + handle).then().body("values[0].data.value",
                equalTo("https://trace.example.cn/u/1"));

        admin().body(other).put("/api/handles/" + handle).then().statusCode(200).body("responseCode", equalTo(1));
        given().get("/api/handles/" + handle).then().body("values[0].data.value",
                equalTo("https://elsewhere.example/"));
    }

    @Test
    void index_writes_replace_or_add_only_the_listed_values_and_index_deletes_remove_them() {
        final String handle = fresh();
        admin().body(VALUES).put("/api/handles/" + handle).then().statusCode(201);

        admin().queryParam("index", 1).queryParam("index", 2001)
                .body("[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"https://new.example/\"}},"
                        + "{\"index\":2001,\"type\":\"MEDTRACE.BATCH_NUMBER\",\"data\":{\"format\":\"string\",\"value\":\"B1\"}}]")
                .put("/api/handles/" + handle).then().statusCode(200).body("responseCode", equalTo(1));
        given().get("/api/handles/" + handle).then().body("values.index", equalTo(List.of(1, 100, 2000, 2001)))
                .body("values[0].data.value", equalTo("https://new.example/"));
        admin().queryParam("index", "various").body("{\"index\":2002,\"type\":\"EMAIL\",\"data\":{\"format\":\"string\",\"value\":\"qa@x.cn\"}}")
                .put("/api/handles/" + handle).then().statusCode(200);
        admin().queryParam("index", 1).body("[{\"index\":2,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"https://x.example/\"}}]")
                .put("/api/handles/" + handle).then().statusCode(400).body("responseCode", equalTo(202))
                .body("message", containsString("[2]"));

        admin().queryParam("index", 2001).queryParam("index", 2002).delete("/api/handles/" + handle).then()
                .statusCode(200).body("responseCode", equalTo(1));
        admin().queryParam("index", 2001).delete("/api/handles/" + handle).then().statusCode(400)
                .body("responseCode", equalTo(200));
        given().get("/api/handles/" + handle).then().body("values.index", equalTo(List.of(1, 100, 2000)));
        admin().queryParam("index", 1).queryParam("index", 100).queryParam("index", 2000)
                .delete("/api/handles/" + handle).then().statusCode(400).body("responseCode", equalTo(202));
        admin().queryParam("index", 1).put("/api/handles/" + fresh()).then().statusCode(400);
        admin().queryParam("index", 5).body("[{\"index\":5,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"https://x.example/\"}}]")
                .put("/api/handles/" + fresh()).then().statusCode(404).body("responseCode", equalTo(100));

        admin().delete("/api/handles/" + handle).then().statusCode(200).body("responseCode", equalTo(1));
        given().get("/api/handles/" + handle).then().statusCode(404).body("responseCode", equalTo(100));
        admin().delete("/api/handles/" + handle).then().statusCode(404).body("responseCode", equalTo(100));
    }

    @Test
    void writes_need_an_administrator_of_the_prefix_and_reads_hide_values_the_public_may_not_read() {
        final String handle = fresh();
        given().contentType(ContentType.JSON).body(VALUES).put("/api/handles/" + handle).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic")).body("responseCode", equalTo(402));
        given().auth().preemptive().basic(PercentEncoding.encode(TwoNodesTestResource.NODE_ADMIN, false), "wrong")
                .contentType(ContentType.JSON).body(VALUES).put("/api/handles/" + handle).then().statusCode(403)
                .body("responseCode", equalTo(403));
        Api.as("shendist").body(VALUES).put("/api/handles/" + handle).then().statusCode(403)
                .body("responseCode", equalTo(401)).body("message", containsString("ShenDistMSP"));
        given().get("/api/handles/" + handle).then().statusCode(404);

        final String secret = "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"https://x.example/\"}},"
                + "{\"index\":300,\"type\":\"HS_SECKEY\",\"data\":{\"format\":\"string\",\"value\":\"s3cret\"},\"permissions\":\"1100\"}]}";
        Api.as("huaxia").body(secret).put("/api/handles/" + handle).then().statusCode(201);
        given().get("/api/handles/" + handle).then().statusCode(200).body("values.index", equalTo(List.of(1, 100)));
        admin().get("/api/handles/" + handle).then().statusCode(200).body("values.index",
                equalTo(List.of(1, 100, 300)));
        given().auth().preemptive().basic("300:0.NA/88.118.8866", TwoNodesTestResource.NODE_SECRET)
                .get("/api/handles/" + handle).then().statusCode(200).body("values", hasSize(3));
        given().auth().preemptive().basic("huaxia", "wrong").get("/api/handles/" + handle).then().statusCode(403)
                .body("responseCode", equalTo(403));
    }

    @Test
    void malformed_requests_get_their_handle_code_status_and_a_message() throws java.io.IOException {
        final String handle = fresh();
        admin().body("{\"values\":[{\"index\":1,\"type\":\"URL\"").put("/api/handles/" + handle).then()
                .statusCode(400).body("responseCode", equalTo(202)).body("message", containsString("JSON"));
        admin().body("{\"values\":[{\"index\":0,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"x\"}}]}").put("/api/handles/" + handle)
                .then().statusCode(400).body("responseCode", equalTo(202))
                .body("message", containsString("$.values[0]"));
        admin().body("[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"x\"}},{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"y\"}}]")
                .put("/api/handles/" + handle).then().statusCode(400).body("responseCode", equalTo(202));
        given().get("/api/handles/88.118.8866").then().statusCode(400).body("responseCode", equalTo(102));
        given().urlEncodingEnabled(false).get("/api/handles/88.118.8866/bad%C3%28").then().statusCode(400)
                .body("responseCode", equalTo(102)).body("message", containsString("UTF-8"));
        // A malformed escape is refused by the HTTP server before any route (400, no body).
        assertThat(rawGet("/api/handles/88.118.8866/bad%zz")).startsWith("HTTP/1.1 400");
        given().urlEncodingEnabled(false).get("/api/handles/88.1$8/x").then().statusCode(400)
                .body("responseCode", equalTo(102)).body("message", containsString("prefix"));
        given().queryParam("index", "one").get("/api/handles/" + handle).then().statusCode(400)
                .body("responseCode", equalTo(4)).body("message", containsString("'one'"));
        given().queryParam("index", "0").get("/api/handles/" + handle).then().statusCode(400)
                .body("responseCode", equalTo(4));
        given().queryParam("type", "").get("/api/handles/" + handle).then().statusCode(400)
                .body("responseCode", equalTo(4));
        admin().queryParam("overwrite", "maybe").body(VALUES).put("/api/handles/" + handle).then().statusCode(400)
                .body("responseCode", equalTo(4));
        final String oversized = raw("PUT /api/handles/" + handle + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + (5 << 20) + "\r\nConnection: close\r\n\r\n");
        // The HTTP server refuses a body announced larger than quarkus.http.limits.max-body-size before any route.
        assertThat(oversized).startsWith("HTTP/1.1 413");
        given().patch("/api/handles/" + handle).then().statusCode(501).body("responseCode", equalTo(5));
        given().get("/api/handles").then().statusCode(501).body("responseCode", equalTo(5));
        given().get("/api/handles/" + handle).then().statusCode(404).body("responseCode", equalTo(100))
                .body("handle", equalTo(handle));
    }

    @Test
    void the_naming_authority_record_of_the_served_prefix_points_at_this_node_and_is_read_only() {
        given().get("/api/handles/0.NA/" + TwoNodesTestResource.PREFIX).then().statusCode(200)
                .body("values[0].index", equalTo(1)).body("values[0].type", equalTo("HS_SITE"))
                .body("values[0].data.format", equalTo("site"))
                .body("values[0].data.value.servers[0].address", equalTo("127.0.0.1"))
                .body("values[0].data.value.servers[0].interfaces[0].port", equalTo(RestAssured.port))
                .body("values[0].data.value.servers[0].interfaces[0].protocol", equalTo("HTTP"))
                .body("values[1].type", equalTo("HS_ADMIN"))
                .body("values[1].data.value.handle", equalTo("0.NA/88.118.8866"));
        admin().body(VALUES).put("/api/handles/0.NA/" + TwoNodesTestResource.PREFIX).then().statusCode(403)
                .body("responseCode", equalTo(401));
        admin().body(VALUES).put("/api/handles/88.999/x").then().statusCode(400).body("responseCode", equalTo(301));
    }

    @Test
    void a_handle_of_another_prefix_is_referred_to_the_node_the_top_level_node_names() {
        given().get("/api/handles/" + TwoNodesTestResource.TOP_PREFIX + "/anything").then().statusCode(200)
                .body("responseCode", equalTo(302)).body("values[0].type", equalTo("HS_SITE"))
                .body("values[0].data.value.servers[0].interfaces[0].port",
                        equalTo(TwoNodes.topLevel().getPort()));
        given().get("/api/handles/77.1/anything").then().statusCode(404).body("responseCode", equalTo(100))
                .body("message", containsString("77.1"));
        given().get("/api/handles/0.NA/77.1").then().statusCode(404).body("responseCode", equalTo(100));
    }
    @Test
    void a_naming_authority_handle_whose_suffix_is_not_a_prefix_is_an_invalid_handle() {
        given().urlEncodingEnabled(false).get("/api/handles/0.NA/%2e%2e").then().statusCode(400)
                .contentType(containsString("application/json")).body("responseCode", equalTo(102));
        given().urlEncodingEnabled(false).get("/api/handles/0.NA/88..1").then().statusCode(400)
                .body("responseCode", equalTo(102));
    }

    @Test
    void writes_take_json_only_and_values_strictly() {
        final String handle = fresh();
        for (final String type : new String[] {"text/plain", "application/xml", "application/json; charset=utf-16"}) {
            admin().contentType(type).body("{\"handles\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/handles").then().statusCode(415).body("responseCode", equalTo(4));
            admin().contentType(type).body(VALUES.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .put("/api/handles/" + handle).then().statusCode(415).body("responseCode", equalTo(4));
        }
        admin().contentType("application/x-www-form-urlencoded").formParam("handles", "x").post("/api/handles").then()
                .statusCode(415).body("responseCode", equalTo(4));
        admin().body("{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":\"https://trace.example.cn/u/1\"}]}")
                .put("/api/handles/" + handle).then().statusCode(400).body("responseCode", equalTo(202))
                .body("message", containsString("$.values[0].data"));
        admin().body("{\"values\":[]}").put("/api/handles/" + handle).then().statusCode(400)
                .body("responseCode", equalTo(202)).body("message", containsString("no value"));
        admin().body("{\"handles\":[{\"handle\":\"" + handle + "\",\"values\":[]}]}").post("/api/handles").then()
                .statusCode(400).body("failures[0].responseCode", equalTo(202));
        given().get("/api/handles/" + handle).then().statusCode(404).body("responseCode", equalTo(100));
        admin().body(VALUES).put("/api/handles/" + handle).then().statusCode(201);
    }
}
