// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.identifiers.PrefixAdministratorsTestResource.CLERK;
import static org.medtrace.gateway.identifiers.PrefixAdministratorsTestResource.COLDLINK_PREFIX;
import static org.medtrace.gateway.identifiers.PrefixAdministratorsTestResource.HUAXIA_PREFIX;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;

/**
 * A prefix is administered only by the clients its owning organisation names as administrators: not by the
 * organisation's other clients, not by its logger identity, not by another organisation's administrator. Refusals
 * are the Handle API's {@code 403} with Handle code 401 (INSUFFICIENT_PERMISSIONS) naming the client, and write
 * nothing.
 */
@QuarkusTest
@WithTestResource(PrefixAdministratorsTestResource.class)
class PrefixAdministratorsTest {

    private static final String VALUES = "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\","
            + "\"value\":\"https://trace.example.cn/u/1\"}}]}";

    private static String fresh(final String prefix) {
        return prefix + "/T-" + Api.digits(12);
    }

    private static ValidatableResponse put(final String client, final String handle) {
        return Api.as(client).body(VALUES).put("/api/handles/" + handle).then();
    }

    private static void refused(final String client, final String handle) {
        put(client, handle).statusCode(403).body("responseCode", equalTo(401))
                .body("message", containsString("client " + client + " "));
        given().get("/api/handles/" + handle).then().statusCode(404);
    }

    @Test
    void each_organisations_administrator_writes_under_its_own_prefix_only() {
        put("huaxia", fresh(HUAXIA_PREFIX)).statusCode(201);
        put("coldlink", fresh(COLDLINK_PREFIX)).statusCode(201);
        refused("huaxia", fresh(COLDLINK_PREFIX));
        refused("coldlink", fresh(HUAXIA_PREFIX));
    }

    @Test
    void the_organisations_logger_identity_and_its_other_clients_administer_nothing() {
        refused("coldlink-logger", fresh(COLDLINK_PREFIX));
        refused(CLERK, fresh(HUAXIA_PREFIX));
        // the clerk is a client like any other elsewhere: it authenticated, it is only not an administrator
        Api.as(CLERK).get("/api/v1/products/" + HUAXIA_PREFIX + "/NO-SUCH-" + Api.digits(6)).then()
                .statusCode(404);
    }

    @Test
    void a_non_administrator_reads_as_the_public_and_deletes_nothing() {
        final String handle = fresh(COLDLINK_PREFIX);
        final String values = "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\","
                + "\"value\":\"https://x.example/\"}},{\"index\":300,\"type\":\"HS_SECKEY\",\"data\":{\"format\":"
                + "\"string\",\"value\":\"s3cret\"},\"permissions\":\"1100\"}]}";
        Api.as("coldlink").body(values).put("/api/handles/" + handle).then().statusCode(201);
        Api.as("coldlink").get("/api/handles/" + handle).then().statusCode(200)
                .body("values.index", equalTo(List.of(1, 100, 300)));
        Api.as("coldlink-logger").get("/api/handles/" + handle).then().statusCode(200)
                .body("values.index", equalTo(List.of(1, 100)));
        Api.as("coldlink-logger").delete("/api/handles/" + handle).then().statusCode(403)
                .body("responseCode", equalTo(401));
        given().get("/api/handles/" + handle).then().statusCode(200);
    }
}
