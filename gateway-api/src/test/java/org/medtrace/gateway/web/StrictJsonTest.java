// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The mapper configuration alone: what it refuses and that it refuses it as a JSON error, never a definition one. */
class StrictJsonTest {

    /** A body with a field of every kind the request records have. */
    record Fields(String name, int level, Integer count, Long big, BigDecimal value, LocalDate date, Instant at,
            Boolean flag, List<String> codes) {
    }

    /** A record with one field: Jackson's single-argument creator, where a duplicate key once ended in a 500. */
    record One(String id) {
    }

    private static final ObjectMapper MAPPER = strict();

    private static ObjectMapper strict() {
        // as Quarkus builds it: the modules on the class path, unknown properties refused (application.properties)
        final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void a_valid_body_is_read() throws JsonProcessingException {
        final Fields fields = MAPPER.readValue("{\"name\":\"x\",\"level\":1,\"count\":2,\"big\":9007199254740993,"
                + "\"value\":1.5,\"date\":\"2026-11-23\",\"at\":\"2026-11-23T04:00:00Z\",\"flag\":true,"
                + "\"codes\":[\"a\"]}", Fields.class);
        assertThat(fields.name()).isEqualTo("x");
        assertThat(fields.big()).isEqualTo(9007199254740993L);
        assertThat(MAPPER.readValue("{\"level\":1,\"value\":5}", Fields.class).value()).isEqualByComparingTo("5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"a\",\"id\":\"b\"}", "{\"id\":\"a\"} xyz", "{\"id\":\"a\"}{\"id\":\"b\"}",
        "{\"id\":12}", "{\"id\":1e400}", "{\"id\":true}", "{\"id\":\"a\"}]"})
    void a_single_field_record_refuses_duplicates_trailing_content_and_numbers(final String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, One.class)).isInstanceOf(JsonProcessingException.class)
                .isNotInstanceOf(InvalidDefinitionException.class);
    }

    /** Each case is one member; {@code level} (required, a primitive) is added unless the case is about it. */
    @ParameterizedTest
    @ValueSource(strings = {"\"name\":12", "\"name\":1.5", "\"name\":false", "\"name\":1e400", "\"level\":\"1\"",
        "\"count\":\"1\"", "\"level\":1.5", "\"count\":1.5", "\"big\":1e3", "\"level\":null", "\"value\":\"5\"",
        "\"date\":20000", "\"date\":\"\"", "\"date\":[2026,1,1]", "\"at\":1700000000", "\"at\":\"\"", "\"flag\":1",
        "\"flag\":\"true\"", "\"codes\":\"a\"", "\"name\":\"a\",\"name\":\"b\"", "\"date\":\"2026-02-30\"",
        "\"surprise\":1", "\"name\":\"no level\"}{\"level\":1"})
    void a_value_of_the_wrong_kind_is_refused_not_coerced(final String member) throws JsonProcessingException {
        final String json = member.startsWith("\"level\"") ? "{" + member + "}" : "{\"level\":1," + member + "}";
        assertThatThrownBy(() -> MAPPER.readValue(json, Fields.class)).isInstanceOf(JsonProcessingException.class)
                .isNotInstanceOf(InvalidDefinitionException.class);
        assertThat(MAPPER.readValue("{\"level\":1}", Fields.class).level()).isEqualTo(1);
    }

    @Test
    void a_missing_primitive_is_refused_rather_than_read_as_zero() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\":\"x\"}", Fields.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("level");
    }
}
