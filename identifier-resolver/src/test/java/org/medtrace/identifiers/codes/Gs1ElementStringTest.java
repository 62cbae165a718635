// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.identifiers.codes.CodeAssertions.rejectsCode;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1ElementStringTest {
    private static final String GS = "\u001d";
    private static final int YEAR = 2026;

    @Nested
    class WhenScanned {
        @Test
        void reads_a_datamatrix_scan_with_symbology_identifier_and_gs_after_variable_fields() {
            Gs1ElementString scan = Gs1ElementString.parse("]d2010690123456789217270600" + "10B2024" + GS
                    + "21SN-001", YEAR);
            assertThat(scan.gtin()).hasValueSatisfying(g -> assertThat(g.value()).isEqualTo("06901234567892"));
            assertThat(scan.expiry()).hasValueSatisfying(d -> assertThat(d.date()).isEqualTo("2027-06-30"));
            assertThat(scan.batch()).hasValue("B2024");
            assertThat(scan.serial()).hasValue("SN-001");
            assertThat(scan.toHumanReadable()).isEqualTo("(01)06901234567892(17)270600(10)B2024(21)SN-001");
        }

        @Test
        void tolerates_a_leading_fnc1_and_a_redundant_gs_after_a_fixed_length_field() {
            Gs1ElementString scan = Gs1ElementString.parse(GS + "0106901234567892" + GS + "21ABC", YEAR);
            assertThat(scan.serial()).hasValue("ABC");
        }

        @ParameterizedTest
        @ValueSource(strings = {"]C1", "]e0", "]Q3", "]J1"})
        void accepts_every_gs1_symbology_identifier(final String symbology) {
            assertThat(Gs1ElementString.parse(symbology + "0106901234567892", YEAR).gtin()).isPresent();
        }

        @Test
        void writes_gs_only_after_elements_without_predefined_length() {
            Gs1ElementString scan = Gs1ElementString.parse("(01)06901234567892(10)L1(17)270600(21)S1", YEAR);
            assertThat(scan.toTransmitted()).isEqualTo("0106901234567892" + "10L1" + GS + "17270600" + "21S1");
            assertThat(Gs1ElementString.parse(scan.toTransmitted(), YEAR)).isEqualTo(scan);
        }

        @Test
        void reads_the_weight_and_count_ais_of_herbal_lots_and_cases() {
            Gs1ElementString label = Gs1ElementString.parse("(00)369012345000000012(02)06901234567892(37)24"
                    + "(3102)001250", YEAR);
            assertThat(label.value("3102")).hasValue("001250");
            assertThat(label.sscc()).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo("369012345000000012"));
            assertThat(label.traceKey()).containsInstanceOf(Gs1Key.LogisticUnit.class);
        }
    }

    @Nested
    class WhenPrinted {
        @Test
        void reads_the_parenthesised_form_with_spaces_between_elements() {
            Gs1ElementString printed = Gs1ElementString.parse("(01) 06901234567892 (17) 270600 (10) B2024", YEAR);
            assertThat(printed.elements()).hasSize(3);
            assertThat(printed.batch()).hasValue("B2024");
        }

        @Test
        void keeps_parentheses_inside_data_that_do_not_open_a_known_ai() {
            Gs1ElementString printed = Gs1ElementString.parse("(01)06901234567892(21)A(B)C", YEAR);
            assertThat(printed.serial()).hasValue("A(B)C");
        }
    }

    @Nested
    class Dates {
        @ParameterizedTest
        @CsvSource({"270600,2027-06-30", "280200,2028-02-29", "270200,2027-02-28", "261231,2026-12-31",
                    "761231,2076-12-31", "771231,1977-12-31"})
        void day_00_is_the_last_day_of_the_month_and_the_century_slides(final String yymmdd, final LocalDate date) {
            Gs1Date parsed = Gs1Date.parse(yymmdd, YEAR);
            assertThat(parsed.date()).isEqualTo(date);
            assertThat(parsed.dayUnspecified()).isEqualTo(yymmdd.endsWith("00"));
        }

        @Test
        void the_century_window_moves_with_the_reference_year() {
            assertThat(Gs1Date.parse("200101", 2080).date()).isEqualTo("2120-01-01");
            assertThat(Gs1Date.parse("300101", 2080).date()).isEqualTo("2130-01-01");
            assertThat(Gs1Date.parse("310101", 2080).date()).isEqualTo("2031-01-01");
        }

        @Test
        void rejects_a_month_13_and_a_30th_of_february() {
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(17)271301", YEAR), "ai(17)", "month 13");
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(17)270230", YEAR), "ai(17)",
                    "2027-02 has 28 days");
        }

        @Test
        void expiry_time_7003_allows_no_day_00_and_checks_the_time() {
            assertThat(Gs1ElementString.parse("(01)06901234567892(7003)2706301530", YEAR).value("7003")).isPresent();
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(7003)2706001530", YEAR), "ai(7003)",
                    "day 00");
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(7003)2706302460", YEAR), "ai(7003)",
                    "time of day");
        }
    }

    @Nested
    class WhenInvalid {
        @Test
        void names_a_wrong_gtin_check_digit() {
            rejectsCode(() -> Gs1ElementString.parse("0106901234567893", YEAR), "ai(01).checkDigit",
                    "check digit 3, expected 2");
        }

        @Test
        void names_a_wrong_sscc_check_digit() {
            rejectsCode(() -> Gs1ElementString.parse("00369012345000000013", YEAR), "ai(00).checkDigit",
                    "expected 2");
        }

        @Test
        void says_a_separator_may_be_missing_when_a_variable_field_runs_too_long() {
            rejectsCode(() -> Gs1ElementString.parse("010690123456789210LOT12345678901234567890", YEAR), "ai(10)",
                    "GS separator (FNC1) missing");
        }

        @Test
        void names_an_unknown_ai_and_its_position() {
            rejectsCode(() -> Gs1ElementString.parse("0106901234567892235X", YEAR), "ai", "position 17");
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(235)X", YEAR), "ai", "AI (235) is not in");
            rejectsCode(() -> Gs1ElementString.parse("(1)23", YEAR), "ai", "expected '(AI)'");
        }

        @Test
        void names_a_truncated_fixed_length_field() {
            rejectsCode(() -> Gs1ElementString.parse("01069012345678", YEAR), "ai(01)", "only 12 remain");
        }

        @Test
        void rejects_characters_outside_character_set_82() {
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(21)AB CD", YEAR), "ai(21)", "position 3");
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(10)批号1", YEAR), "ai(10)",
                    "character set 82");
        }

        @Test
        void rejects_letters_in_a_numeric_field() {
            rejectsCode(() -> Gs1ElementString.parse("(01)0690123456789X", YEAR), "ai(01)", "digits only");
        }

        @Test
        void rejects_a_non_gs1_symbology_identifier() {
            rejectsCode(() -> Gs1ElementString.parse("]d10106901234567892", YEAR), "symbologyIdentifier",
                    "does not announce GS1 data");
        }

        @Test
        void applies_the_association_rules() {
            rejectsCode(() -> Gs1ElementString.parse("21SN1", YEAR), "ai(21)", "needs AI (01)");
            rejectsCode(() -> Gs1ElementString.parse("(00)369012345000000012(10)L1", YEAR), "ai(10)",
                    "needs AI (01) or (02)");
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(02)06901234567892", YEAR), "ai(02)",
                    "exclude each other");
        }

        @Test
        void keeps_a_repeated_ai_with_the_same_data_once_and_rejects_conflicting_data() {
            assertThat(Gs1ElementString.parse("(01)06901234567892(21)S1(21)S1", YEAR).elements()).hasSize(2);
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(21)S1(21)S2", YEAR), "ai(21)",
                    "appears twice");
        }

        @Test
        void rejects_empty_and_oversized_input() {
            rejectsCode(() -> Gs1ElementString.parse("]d2", YEAR), "elementString", "empty");
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(10)" + "X".repeat(600), YEAR),
                    "elementString", "at most 512");
            rejectsCode(() -> Gs1ElementString.parse("(01)06901234567892(10)", YEAR), "ai(10)", "empty");
        }
    }
}
