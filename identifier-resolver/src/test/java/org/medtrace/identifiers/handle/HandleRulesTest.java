// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medtrace.identifiers.Identifier;

class HandleRulesTest {
    private static final HandleRecord RECORD = new HandleRecord(Identifier.parse("88.118.8866/u1"), List.of(
            HandleValue.text(1, "URL", "https://t.example/u1"),
            HandleValue.text(2, "HS_SITE", "http://127.0.0.1:1"),
            HandleValue.text(3, "HS_SITE.PREFIX", "http://127.0.0.1:2"),
            HandleValue.text(4, "HS_SITES", "not a subtype"),
            HandleValue.text(2000, "name", "当归").withTtl(Ttl.seconds(60))));

    @Nested
    class Filters {
        @Test
        void a_trailing_dot_selects_the_type_and_its_subtypes_only() {
            assertThat(RECORD.filter(ValueFilter.of(List.of(), List.of("hs_site."))).values())
                    .extracting(HandleValue::index).containsExactly(2, 3);
            assertThat(RECORD.filter(ValueFilter.of(List.of(), List.of("HS_SITE"))).values())
                    .extracting(HandleValue::index).containsExactly(2);
        }

        @Test
        void indexes_and_types_combine_with_or() {
            ValueFilter filter = ValueFilter.fromQuery(List.of("2000"), List.of("URL"));
            assertThat(RECORD.filter(filter).values()).extracting(HandleValue::index).containsExactly(1, 2000);
            assertThat(filter.toQueryString()).isEqualTo("index=2000&type=URL");
        }

        @Test
        void no_filter_selects_everything_and_no_match_selects_nothing() {
            assertThat(RECORD.filter(ValueFilter.fromQuery(List.of(), List.of()))).isSameAs(RECORD);
            assertThat(RECORD.filter(ValueFilter.of(List.of(7), List.of())).values()).isEmpty();
        }

        @Test
        void rejects_bad_parameters_with_a_clear_message() {
            assertThatThrownBy(() -> ValueFilter.fromQuery(List.of("one"), List.of()))
                    .hasMessageContaining("'one' is not a number");
            assertThatThrownBy(() -> ValueFilter.fromQuery(List.of("0"), List.of())).hasMessageContaining("1 or more");
            assertThatThrownBy(() -> ValueFilter.of(List.of(), List.of("."))).hasMessageContaining("empty");
        }
    }

    @Nested
    class Records {
        @Test
        void expire_with_their_shortest_lived_value() {
            Instant fetched = Instant.parse("2026-01-01T00:00:00Z");
            assertThat(RECORD.expiresAt(fetched)).isEqualTo(fetched.plusSeconds(60));
        }

        @Test
        void reject_duplicate_indexes_and_bad_values() {
            assertThatThrownBy(() -> new HandleRecord(RECORD.handle(), List.of(HandleValue.text(1, "A", "a"),
                    HandleValue.text(1, "B", "b")))).hasMessageContaining("two values at index 1");
            assertThatThrownBy(() -> HandleValue.text(0, "URL", "u")).hasMessageContaining("1 or more");
            assertThatThrownBy(() -> HandleValue.text(1, "U RL", "u")).hasMessageContaining("space");
            assertThatThrownBy(() -> ValueData.text("x".repeat(ValueData.SIZE_MAX + 1)))
                    .hasMessageContaining("at most");
        }
    }

    @ParameterizedTest
    @CsvSource({"SUCCESS,RESOLVE,200", "SUCCESS,CREATE,201", "ERROR,RESOLVE,500", "HANDLE_NOT_FOUND,RESOLVE,404",
                "HANDLE_ALREADY_EXISTS,CREATE,409", "INVALID_HANDLE,RESOLVE,400", "VALUES_NOT_FOUND,RESOLVE,200",
                "VALUES_NOT_FOUND,DELETE,400", "VALUE_ALREADY_EXISTS,MODIFY,409", "INVALID_VALUE,MODIFY,400",
                "SERVER_NOT_RESPONSIBLE,RESOLVE,400", "AUTHENTICATION_NEEDED,MODIFY,401",
                "INSUFFICIENT_PERMISSIONS,MODIFY,403", "INVALID_CREDENTIAL,MODIFY,403", "SERVER_TOO_BUSY,RESOLVE,503"})
    void response_codes_map_to_the_documented_http_statuses(final HandleResponseCode code,
            final HandleOperation operation, final int status) {
        assertThat(code.httpStatus(operation)).isEqualTo(status);
        assertThat(HandleResponseCode.of(code.code())).contains(code);
    }

    @Nested
    class NamingAuthorityHandles {
        @Test
        void name_their_prefix_in_upper_case_and_list_parents_nearest_first() {
            assertThat(NamingAuthorities.handleOf("88.118.ab")).hasToString("0.NA/88.118.AB");
            assertThat(NamingAuthorities.parentPrefixes("88.118.8866")).containsExactly("88.118", "88");
        }

        @Test
        void refer_to_the_nearest_parent_that_delegates_derived_prefixes() {
            Map<Identifier, HandleRecord> store = new HashMap<>();
            HandleValue delegation = HandleValue.text(1, HandleTypes.HS_SITE_PREFIX, "http://127.0.0.1:9");
            store.put(NamingAuthorities.handleOf("88"), new HandleRecord(NamingAuthorities.handleOf("88"),
                    List.of(HandleValue.text(1, HandleTypes.HS_SITE_PREFIX, "http://127.0.0.1:1"))));
            store.put(NamingAuthorities.handleOf("88.118"), new HandleRecord(NamingAuthorities.handleOf("88.118"),
                    List.of(delegation, HandleValue.text(2, HandleTypes.HS_SITE, "http://127.0.0.1:8"))));
            Optional<HandleResponse> referral = NamingAuthorities.prefixReferral(
                    NamingAuthorities.handleOf("88.118.8866.1"), id -> Optional.ofNullable(store.get(id)));
            assertThat(referral).hasValueSatisfying(r -> {
                assertThat(r.code()).contains(HandleResponseCode.PREFIX_REFERRAL);
                assertThat(r.values()).containsExactly(delegation);
            });
            assertThat(NamingAuthorities.prefixReferral(NamingAuthorities.handleOf("86.1"),
                    id -> Optional.ofNullable(store.get(id)))).isEmpty();
        }
    }
}
