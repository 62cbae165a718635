// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.errors.Problem;
import org.medtrace.gateway.testing.MedtraceTestResource;

/** The served OpenAPI document names the problem answers and both ways to authenticate. */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class OpenApiDocumentTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Test
    void every_api_operation_documents_its_problem_answers() {
        final JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        final String commission = "paths.'/api/v1/units/commission'.post.responses.";
        assertThat(problemRef(document, commission + "'422'")).isEqualTo(PROBLEM_REF);
        assertThat(problemRef(document, commission + "'400'")).isEqualTo(PROBLEM_REF);
        final String verification = "paths.'/api/v1/verification'.get.responses.";
        assertThat(problemRef(document, verification + "'401'")).isEqualTo(PROBLEM_REF);
        assertThat(document.getMap(verification.substring(0, verification.length() - 1))).doesNotContainKey("422");
        assertThat(document.getList("components.schemas.Problem.required")).contains("code", "status");
        assertThat(document.getString("components.securitySchemes.mutualTLS.type")).isEqualTo("mutualTLS");
    }

    /** GPath cannot name the key {@code $ref}: read the schema as a map. */
    private static Object problemRef(final JsonPath document, final String response) {
        return document.getMap(response + ".content.'application/problem+json'.schema").get("$ref");
    }
}
