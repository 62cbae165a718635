// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;

/**
 * Who issues and revokes a logger's credentials: its owning organisation's identities that are not loggers. Another
 * organisation cannot tell the logger from one that does not exist; a regulator of another organisation is told
 * why; the logger identity cannot mint credentials for itself.
 */
@QuarkusTest
@WithTestResource(TelemetryTestResource.class)
class CredentialOwnershipTest {

    private static final String ISSUE = "/api/v1/telemetry/credentials";
    private static final String REVOKE = "/api/v1/telemetry/credentials/revoke";

    private static String registeredLogger() {
        final String logger = Loggers.PREFIX + "LOGGER-O-" + Api.digits(10);
        post("coldlink", "/api/v1/loggers", Map.of("loggerId", logger, "model", "TL-30")).statusCode(201);
        return logger;
    }

    private static void problem(final ValidatableResponse response, final int status, final String code) {
        response.statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void another_organisation_gets_the_same_404_as_for_a_logger_that_does_not_exist() {
        final String logger = registeredLogger();
        final String unknown = Loggers.PREFIX + "LOGGER-O-" + Api.digits(10);
        final String unknownDetail = post("shendist", ISSUE, Map.of("loggerId", unknown)).statusCode(404)
                .extract().path("detail");
        final ValidatableResponse refused = post("shendist", ISSUE, Map.of("loggerId", logger));
        problem(refused, 404, "LOGGER_NOT_FOUND");
        refused.body("detail", equalTo(unknownDetail.replace(unknown, logger)));
        // a manufacturer's client, and the manufacturer's certificate role does not matter
        problem(post("huaxia", ISSUE, Map.of("loggerId", logger)), 404, "LOGGER_NOT_FOUND");
    }

    @Test
    void a_regulator_of_another_organisation_gets_403_and_the_logger_identity_gets_403() {
        final String logger = registeredLogger();
        problem(post("shanghai-mpa", ISSUE, Map.of("loggerId", logger)), 403, "ACCESS_DENIED");
        post("shanghai-mpa", ISSUE, Map.of("loggerId", logger)).body("detail",
                containsString("only its own organisation"));
        problem(post("coldlink-logger", ISSUE, Map.of("loggerId", logger)), 403, "ACCESS_DENIED");
        post("coldlink-logger", ISSUE, Map.of("loggerId", logger)).body("detail",
                containsString("a logger identity (coldlink-logger)"));
        post("coldlink", ISSUE, Map.of("loggerId", logger)).statusCode(201).body("loggerId", equalTo(logger));
    }

    @Test
    void only_the_owning_organisations_non_logger_identities_revoke_a_credential() {
        final String logger = registeredLogger();
        final String credentialId = post("coldlink", ISSUE, Map.of("loggerId", logger)).statusCode(201)
                .extract().path("credentialId");
        final String unknownDetail = post("shendist", REVOKE, Map.of("credentialId", "lc0000000000000000"))
                .statusCode(404).extract().path("detail");
        final ValidatableResponse foreign = post("shendist", REVOKE, Map.of("credentialId", credentialId));
        problem(foreign, 404, "CREDENTIAL_NOT_FOUND");
        foreign.body("detail", equalTo(unknownDetail.replace("lc0000000000000000", credentialId)));
        problem(post("shanghai-mpa", REVOKE, Map.of("credentialId", credentialId)), 403, "ACCESS_DENIED");
        problem(post("coldlink-logger", REVOKE, Map.of("credentialId", credentialId)), 403, "ACCESS_DENIED");
        // none of the refusals revoked it: the owner's revocation finds it still active
        post("coldlink", REVOKE, Map.of("credentialId", credentialId)).statusCode(200)
                .body("revoked", equalTo(true));
        post("coldlink", REVOKE, Map.of("credentialId", credentialId)).statusCode(200)
                .body("revoked", equalTo(false));
    }
}
