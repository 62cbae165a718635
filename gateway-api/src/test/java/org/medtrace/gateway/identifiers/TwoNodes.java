// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import org.medtrace.identifiers.PercentEncoding;

/**
 * The two nodes of a Quarkus test with {@link TwoNodesTestResource}, as the test sees them: the gateway under test
 * and the top-level node, reached over HTTP only.
 */
final class TwoNodes {

    private TwoNodes() {
    }

    /** @return the top-level node's root URL */
    static URI topLevel() {
        return URI.create(ConfigProvider.getConfig().getValue("medtrace.identifiers.resolution.top-level-node",
                String.class));
    }

    /** @return the gateway's root URL */
    static URI gateway() {
        return URI.create("http://127.0.0.1:" + RestAssured.port);
    }

    /**
     * Writes a record at the top-level node as its root administrator.
     *
     * @param handle the handle
     * @param valuesJson the PUT body
     */
    static void putAtTop(final String handle, final String valuesJson) {
        given().baseUri(topLevel().toString()).port(topLevel().getPort())
                .header("Authorization", LoopbackNode.rootAuthorization()).contentType(ContentType.JSON)
                .body(valuesJson).put("/api/handles/" + handle).then().statusCode(org.hamcrest.Matchers.either(
                        org.hamcrest.Matchers.is(200)).or(org.hamcrest.Matchers.is(201)));
    }

    /**
     * Delegates the gateway's prefix at the top-level node, as a top-level node delegates to a secondary node:
     * {@code 0.NA/88.118} with HS_SITE.PREFIX naming the gateway.
     */
    static void delegateToTheGateway() {
        putAtTop("0.NA/88.118", "{\"values\":[{\"index\":1,\"type\":\"HS_SITE.PREFIX\",\"data\":{\"format\":\"site\","
                + "\"value\":{\"version\":1,\"protocolVersion\":\"2.10\",\"serialNumber\":1,\"primarySite\":true,"
                + "\"multiPrimary\":false,\"servers\":[{\"serverId\":1,\"address\":\"127.0.0.1\",\"interfaces\":"
                + "[{\"query\":true,\"admin\":false,\"protocol\":\"HTTP\",\"port\":" + RestAssured.port
                + "}]}]}}}]}");
    }

    /**
     * @param handle a handle
     * @return how many requests the top-level node had for it
     */
    static int requestsAtTop(final String handle) {
        return Integer.parseInt(given().baseUri(topLevel().toString()).port(topLevel().getPort())
                .get("/requests/" + PercentEncoding.encode(handle, true)).then().statusCode(200).extract().asString());
    }
}
