// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.errors.Problem;
import org.medtrace.gateway.ledger.LedgerUnavailableException;

/**
 * What a client should retry answers 503 with Retry-After and a code saying what is unavailable; anything else that
 * fails stays a 500 (the REST-level behaviour under real outages is FaultInjectionIT's).
 */
class RetryableAnswersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void a_database_outage_answers_503_database_unavailable_whoever_wrapped_it() {
        final Response response = mappers.unexpected(new IllegalStateException("read model query failed",
                new SQLException("Connection to localhost:5432 refused.", "08001")));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(ProblemMappers.RETRY_AFTER_SECONDS);
        assertThat(((Problem) response.getEntity()).code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("SQLException").doesNotContain("08001");
    }

    @Test
    void a_failure_that_is_not_an_outage_stays_a_500() {
        final Response response = mappers.unexpected(new IllegalStateException("read model query failed",
                new SQLException("syntax error at or near \"SELEC\"", "42601")));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
        assertThat(((Problem) response.getEntity()).code()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void an_unavailable_ledger_and_a_read_model_that_lags_answer_503_with_retry_after() {
        final Response ledger = mappers.unavailable(new LedgerUnavailableException("the chaincode stopped", null,
                null));
        assertThat(ledger.getStatus()).isEqualTo(503);
        assertThat(ledger.getHeaderString("Retry-After")).isEqualTo(ProblemMappers.RETRY_AFTER_SECONDS);
        final Response lagging = mappers.api(new ApiException(503, "NOT_YET_PROJECTED", "catching up", List.of()));
        assertThat(lagging.getStatus()).isEqualTo(503);
        assertThat(lagging.getHeaderString("Retry-After")).isEqualTo(ProblemMappers.RETRY_AFTER_SECONDS);
        final Response refused = mappers.api(new ApiException(400, "INVALID_ARGUMENT", "bad", List.of()));
        assertThat(refused.getHeaderString("Retry-After")).isNull();
    }
}
