// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The served OpenAPI document names the problem answers and both ways to authenticate, and documents every public
 * endpoint: each JAX-RS resource method and each Vert.x route under {@code /api}, listed from the running
 * application, so that a route added without documentation fails here.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class OpenApiDocumentTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final List<String> HTTP_METHODS = List.of("get", "post", "put", "delete", "patch");

    @Inject
    RouteCapture routes;

    private JsonPath document;

    @BeforeEach
    void read_the_document() {
        document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void every_api_operation_documents_its_problem_answers() {
        final String commission = "paths.'/api/v1/units/commission'.post.responses.";
        assertThat(problemRef(commission + "'422'")).isEqualTo(PROBLEM_REF);
        assertThat(problemRef(commission + "'400'")).isEqualTo(PROBLEM_REF);
        assertThat(problemRef(commission + "'415'")).isEqualTo(PROBLEM_REF);
        final String verification = "paths.'/api/v1/verification'.get.responses.";
        assertThat(problemRef(verification + "'401'")).isEqualTo(PROBLEM_REF);
        assertThat(document.getMap(verification.substring(0, verification.length() - 1))).doesNotContainKey("422");
        assertThat(document.getList("components.schemas.Problem.required")).contains("code", "status");
        assertThat(document.getString("components.securitySchemes.mutualTLS.type")).isEqualTo("mutualTLS");
    }

    @Test
    void the_loggers_ingestion_and_the_handle_node_are_documented_with_request_answers_and_security() {
        final String ingest = "paths.'/api/v1/telemetry/readings'.post.";
        assertThat(document.getMap(ingest + "requestBody.content")).containsKeys("application/json",
                "application/x-ndjson");
        assertThat(document.getMap(ingest + "responses")).containsKeys("200", "400", "401", "413", "415", "503")
                .doesNotContainKeys("409", "422");
        assertThat(document.<Map<String, Object>>getList(ingest + "security")).singleElement()
                .satisfies(requirement -> assertThat(requirement).containsOnlyKeys("loggerBearer"));
        assertThat(document.getString("components.securitySchemes.loggerBearer.scheme")).isEqualTo("bearer");
        final String handle = "paths.'/api/handles/{prefix}/{suffix}'.";
        assertThat(document.getMap(handle + "get.responses")).containsKeys("200", "400", "404");
        assertThat(document.getMap(handle + "put.requestBody.content")).containsKey("application/json");
        assertThat(document.getMap(handle + "put.responses")).containsKeys("201", "400", "401", "415");
        assertThat(document.getMap(handle + "delete.responses")).containsKeys("200", "404");
        assertThat(document.getMap("paths.'/api/handles'.post.responses")).containsKeys("201", "400", "415");
        assertThat(document.getString("components.securitySchemes.handleAdmin.scheme")).isEqualTo("basic");
    }

    @Test
    void every_rest_resource_method_is_documented_with_security() throws IOException {
        final List<String> endpoints = restEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(40);
        final List<String> missing = new ArrayList<>();
        for (final String endpoint : endpoints) {
            final String[] parts = endpoint.split(" ", 2);
            final String operation = "paths.'" + parts[1] + "'." + parts[0];
            if (document.getMap(operation) == null) {
                missing.add(endpoint);
            } else if (document.getList(operation + ".security") == null
                    || document.getList(operation + ".security").isEmpty()) {
                missing.add(endpoint + " (no security)");
            }
        }
        assertThat(missing).as("REST endpoints missing from /q/openapi").isEmpty();
    }

    @Test
    void every_vertx_route_under_api_is_documented() {
        final List<String> missing = new ArrayList<>();
        int checked = 0;
        final Map<String, Object> paths = document.getMap("paths");
        for (final Route route : routes.routes()) {
            final String path = route.getPath();
            if (path == null || !path.startsWith("/api/") || path.equals(EdgeGuard.API)) {
                continue; // REST resources (one route at the root), other paths, and the API's edge filter
            }
            checked++;
            if (path.endsWith("/")) {
                // a prefix route (".../*"): some operation must be documented beneath it
                if (paths.keySet().stream().noneMatch(p -> p.startsWith(path) && hasOperation(p))) {
                    missing.add("* " + path + "*");
                }
            } else if (route.methods() == null || route.methods().isEmpty()) {
                if (!hasOperation(path)) {
                    missing.add("* " + path);
                }
            } else {
                for (final HttpMethod method : route.methods()) {
                    if (document.getMap("paths.'" + path + "'." + method.name().toLowerCase(Locale.ROOT)) == null) {
                        missing.add(method.name() + " " + path);
                    }
                }
            }
        }
        assertThat(checked).as("Vert.x routes under /api: ingestion and the Handle node").isGreaterThanOrEqualTo(3);
        assertThat(missing).as("Vert.x routes missing from /q/openapi").isEmpty();
    }

    private boolean hasOperation(final String path) {
        final Map<String, Object> item = document.getMap("paths.'" + path + "'");
        return item != null && HTTP_METHODS.stream().anyMatch(item::containsKey);
    }

    /** @return "get /api/v1/..." for every resource method in the application's classes */
    private static List<String> restEndpoints() throws IOException {
        final java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        final TreeSet<String> endpoints = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (final java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                final String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                final Class<?> type;
                try {
                    type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                final Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (final Method method : type.getDeclaredMethods()) {
                    final String verb = httpMethod(method);
                    if (verb != null) {
                        final Path sub = method.getAnnotation(Path.class);
                        endpoints.add(verb + " " + template(root.value() + (sub == null ? "" : "/" + sub.value())));
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    private static String httpMethod(final Method method) {
        for (final Annotation annotation : method.getAnnotations()) {
            final jakarta.ws.rs.HttpMethod verb = annotation.annotationType()
                    .getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (verb != null) {
                return verb.value().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** "/api/v1/batches//{id: .+}" becomes "/api/v1/batches/{id}", as OpenAPI writes it. */
    private static String template(final String path) {
        final String plain = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    /** GPath cannot name the key {@code $ref}: read the schema as a map. */
    private Object problemRef(final String response) {
        return document.getMap(response + ".content.'application/problem+json'.schema").get("$ref");
    }
}
