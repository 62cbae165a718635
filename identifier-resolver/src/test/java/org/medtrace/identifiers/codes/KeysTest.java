// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.identifiers.codes.CodeAssertions.rejectsCode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {
    @Nested
    class NmpaCodes {
        @Test
        void splits_seven_nine_four_and_leaves_the_check_code_unverified() {
            NmpaTraceCode code = NmpaTraceCode.parse("81234560000012345678");
            assertThat(code.productCode()).isEqualTo("8123456");
            assertThat(code.serial()).isEqualTo("000001234");
            assertThat(code.unverifiedCheckCode()).isEqualTo("5678");
            assertThat(code.toSuffix()).isEqualTo("81234560000012345678");
        }

        @ParameterizedTest
        @ValueSource(strings = {"8123456000001234567", "812345600000123456789", "8123456000001234567X",
                                "８1234560000012345678"})
        void rejects_wrong_lengths_and_non_ascii_digits(final String text) {
            rejectsCode(() -> NmpaTraceCode.parse(text), "nmpaCode", "drug traceability code");
        }
    }

    @Nested
    class Gtins {
        @ParameterizedTest
        @ValueSource(strings = {"06901234567892", "6901234567892", "690123456789" + "2"})
        void normalises_gtin_13_and_14_to_14_digits(final String text) {
            assertThat(Gtin.parse(text).value()).hasSize(14).endsWith(text.substring(text.length() - 12));
        }

        @Test
        void accepts_gtin_8_and_12() {
            assertThat(Gtin.parse("96385074").value()).isEqualTo("00000096385074");
            assertThat(Gtin.parse("036000291452").value()).isEqualTo("00036000291452");
        }

        @Test
        void names_length_characters_and_check_digit() {
            rejectsCode(() -> Gtin.parse("069012345678"), "gtin.checkDigit", "check digit");
            rejectsCode(() -> Gtin.parse("0690123456789"), "gtin.checkDigit", "expected");
            rejectsCode(() -> Gtin.parse("069012345678921"), "gtin", "15 characters");
            rejectsCode(() -> Gtin.parse("0690123456789A"), "gtin", "non-digit");
        }

        @Test
        void checks_sscc_length_and_check_digit() {
            assertThat(Sscc.parse("369012345000000012").value()).isEqualTo("369012345000000012");
            rejectsCode(() -> Sscc.parse("36901234500000001"), "sscc", "18 digits");
            rejectsCode(() -> Sscc.parse("369012345000000019"), "sscc.checkDigit", "expected 2");
        }
    }

    @Nested
    class DrugStandardCodes {
        @Test
        void splits_company_and_product() {
            DrugStandardCode code = DrugStandardCode.parse("86901234012343");
            assertThat(code.companyCode()).isEqualTo("01234");
            assertThat(code.productCode()).isEqualTo("01234");
        }

        @Test
        void checks_start_length_and_check_digit() {
            rejectsCode(() -> DrugStandardCode.parse("06901234567892"), "drugStandardCode", "start with 869");
            rejectsCode(() -> DrugStandardCode.parse("8690123401234"), "drugStandardCode", "14 digits");
            rejectsCode(() -> DrugStandardCode.parse("86901234012344"), "drugStandardCode.checkDigit", "expected 3");
        }
    }
}
