// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medtrace.chaincode.api.custody.ShipRequest;
import org.medtrace.chaincode.api.product.RegisterProductRequest;
import org.medtrace.chaincode.api.transformation.TransformRequest;
import org.medtrace.chaincode.api.unit.CommissionRequest;

/** The one reader of requests: strict JSON, every refusal naming the field by its path with a stable code. */
class RequestsTest {

    private static final String COMMISSION = "{\"clientEventId\":\"k1\",\"batchId\":\"88.118.8866/B1\","
            + "\"packageLevel\":1,\"codes\":[\"88.118.8866/81234560000000000001\"]}";

    @Test
    void a_valid_request_is_read_into_its_record_and_its_common_fields() {
        Requests.Parsed<CommissionRequest> parsed = Requests.read(COMMISSION.replace("}",
                ",\"eventTime\":\"2026-11-23T12:00:00.1234+08:00\"}"), CommissionRequest.class, true);

        assertThat(parsed.body().codes()).containsExactly("88.118.8866/81234560000000000001");
        assertThat(parsed.body().packageLevel()).isEqualTo(1);
        assertThat(parsed.common().clientEventId()).isEqualTo("k1");
        assertThat(parsed.common().eventTime()).isEqualTo(Instant.parse("2026-11-23T04:00:00.123Z"));
        assertThat(parsed.common().eventTimeZoneOffset()).isEqualTo(CommonFields.DEFAULT_OFFSET);
        assertThat(parsed.tree().path("eventTime").asText()).isEqualTo("2026-11-23T12:00:00.1234+08:00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "trailing content|" + COMMISSION + " xyz|request|not valid JSON",
        "a second object|" + COMMISSION + " {}|request|content follows the object",
        "two objects|" + COMMISSION + COMMISSION + "|request|not valid JSON",
        "a duplicate key|{\"clientEventId\":\"k1\",\"clientEventId\":\"k2\"}|clientEventId|appears twice",
        "an array|[1]|request|must be a JSON object",
        "a number for a string|{\"clientEventId\":\"k1\",\"batchId\":12,\"packageLevel\":1,\"codes\":[\"88.1/a\"]}"
                + "|batchId|must be a string",
        "a string for an integer|{\"clientEventId\":\"k1\",\"batchId\":\"88.1/b\",\"packageLevel\":\"1\","
                + "\"codes\":[\"88.1/a\"]}|packageLevel|must be an integer",
        "a fraction for an integer|{\"clientEventId\":\"k1\",\"batchId\":\"88.1/b\",\"packageLevel\":1.5,"
                + "\"codes\":[\"88.1/a\"]}|packageLevel|must be an integer",
        "an unknown field|{\"clientEventId\":\"k1\",\"batchId\":\"88.1/b\",\"packageLevel\":1,"
                + "\"codes\":[\"88.1/a\"],\"colour\":\"red\"}|colour|unknown field",
        "a bad element|{\"clientEventId\":\"k1\",\"batchId\":\"88.1/b\",\"packageLevel\":1,"
                + "\"codes\":[\"88.1/a\",\"nope\"]}|codes[1]|",
        "a bad common field|{\"clientEventId\":\"k 1\",\"batchId\":\"88.1/b\",\"packageLevel\":1,"
                + "\"codes\":[\"88.1/a\"]}|clientEventId|1 to 128 characters",
    })
    void malformed_input_is_refused_naming_the_field(final String what, final String json, final String field,
            final String problem) {
        assertThatThrownBy(() -> Requests.read(json, CommissionRequest.class, true))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem == null ? "" : problem);
                    assertThat(e.getMessage()).startsWith(field + ": ").doesNotContain("`")
                            .doesNotContain("com.fasterxml").doesNotContain("java.");
                });
    }

    @Test
    void a_code_that_is_no_identifier_is_invalid_identifier() {
        assertThatThrownBy(() -> Requests.read(COMMISSION.replace("88.118.8866/81234560000000000001", "no slash"),
                CommissionRequest.class, true)).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IDENTIFIER));
    }

    @Test
    void a_nested_field_is_named_by_its_full_path() {
        String transform = "{\"transformationId\":\"T1\",\"processingMethod\":\"slicing\","
                + "\"inputs\":[{\"code\":\"88.1/raw\",\"quantity\":{\"value\":1,\"uom\":\"KGM\"}}],"
                + "\"outputs\":[{\"quantity\":{\"value\":1,\"uom\":\"KGM\"},\"batch\":{\"id\":\"88.1/s\","
                + "\"productId\":\"88.1/p\",\"batchNumber\":\"S1\",\"productionDate\":\"2026-11-20\","
                + "\"expiryDate\":\"2026-02-30\"}}]}";

        assertThatThrownBy(() -> Requests.read(transform, TransformRequest.class, false))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("outputs[0].batch.expiryDate"));
    }

    @Test
    void a_request_over_the_size_limit_is_limit_exceeded() {
        String big = "{\"clientEventId\":\"k1\",\"pad\":\"" + "x".repeat(Limits.REQUEST_BYTES_MAX) + "\"}";

        assertThatThrownBy(() -> Requests.read(big, ShipRequest.class, true))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
    }

    @Test
    void values_are_normalised_as_the_ledger_stores_them() {
        String product = "{\"id\":\"88.118.8866/P1\",\"kind\":\"herbal_raw\",\"name\":\"  黄芪  \","
                + "\"packageLevels\":[{\"level\":1,\"name\":\"袋\"}],\"storage\":{\"minCelsius\":2.50,"
                + "\"maxCelsius\":8}}";

        RegisterProductRequest request = Requests.read(product, RegisterProductRequest.class, false).body();

        assertThat(request.name()).isEqualTo("黄芪");
        assertThat(request.storage().minCelsius()).isEqualByComparingTo(new BigDecimal("2.5"));
    }
}
