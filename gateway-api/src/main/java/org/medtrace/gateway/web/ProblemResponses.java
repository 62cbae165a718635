// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.medtrace.gateway.errors.Problem;

/**
 * Completes the generated OpenAPI document with what the annotations do not say: the {@code Problem} body
 * ({@link Problem}, {@code application/problem+json}) on the error answers of every API operation, and the mutual TLS
 * security scheme next to HTTP Basic, required by every API operation. Operations written out in full in
 * {@code META-INF/openapi.yaml} (the Vert.x routes: telemetry ingestion, the Handle node) carry {@value #COMPLETE}
 * and are left as they are. Registered through {@code mp.openapi.filter}.
 */
public final class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String MUTUAL_TLS = "mutualTLS";
    /** HTTP Basic with a client's id and secret (defined in META-INF/openapi.yaml). */
    static final String BASIC = "basic";
    /** Marks an operation whose answers are all written out (META-INF/openapi.yaml): nothing is added to it. */
    static final String COMPLETE = "x-medtrace-answers";
    private static final String API = "/api/v1/";

    /** Every operation may answer these. */
    private static final Map<String, String> ANY = ordered(
            "400", "invalid input: every invalid field named (INVALID_ARGUMENT, INVALID_IDENTIFIER, ...)",
            "401", "no or wrong credentials (UNAUTHENTICATED)",
            "403", "the caller's organisation or role may not do this (ACCESS_DENIED, NOT_*)",
            "404", "an identifier that is not known, named in the detail (*_NOT_FOUND)",
            "503", "the ledger or the database is unavailable; retry (LEDGER_UNAVAILABLE)");
    /** Writes may also answer these. */
    private static final Map<String, String> WRITES = ordered(
            "409", "a state conflict or a ledger refusal with the chaincode's code (*_EXISTS, LEDGER_CONFLICT, ...)",
            "422", "refused by a business rule, the chaincode's code in `code` (TEMPERATURE_RECORD_MISSING, ...)",
            "502", "the ledger answered with an error that is not a refusal (LEDGER_ERROR)",
            "413", "the body is larger than quarkus.http.limits.max-body-size (BODY_TOO_LARGE)",
            "415", "the body is not application/json in UTF-8 (UNSUPPORTED_MEDIA_TYPE)");

    @Override
    public void filterOpenAPI(final OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        final Components components = openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        components.addSecurityScheme(MUTUAL_TLS, OASFactory.createSecurityScheme().type(SecurityScheme.Type.MUTUALTLS)
                .description("a client certificate issued by the CA of a ledger identity, that identity's name as"
                        + " its CN; the caller acts as that identity (HTTPS only)"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.getOperations().forEach((method, operation) -> addProblems(method, operation));
            }
        });
    }

    private static void addProblems(final PathItem.HttpMethod method, final Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(COMPLETE)) {
            return;
        }
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BASIC));
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(MUTUAL_TLS));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        final APIResponses responses = operation.getResponses();
        ANY.forEach((status, description) -> addProblem(responses, status, description));
        if (method != PathItem.HttpMethod.GET) {
            WRITES.forEach((status, description) -> addProblem(responses, status, description));
        }
    }

    /** Adds the answer, or its problem body to one generated without a body (Quarkus's "Bad Request"). */
    private static void addProblem(final APIResponses responses, final String status, final String description) {
        final APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA)))));
    }

    private static Schema problemSchema() {
        final Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with a stable machine-readable code")
                .required(List.of("type", "title", "status", "code"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("urn:medtrace:problem:<code>"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the stable error code; the chaincode's own code for ledger refusals"))
                .addProperty("txId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the ledger transaction, where there was one"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", text).addProperty("message", text)));
    }

    private static Map<String, String> ordered(final String... statusAndDescription) {
        final Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < statusAndDescription.length; i += 2) {
            map.put(statusAndDescription[i], statusAndDescription[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
