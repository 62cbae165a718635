// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.identifiers.codes.CodeAssertions.rejectsCode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Gs1DigitalLinkTest {
    private static final int YEAR = 2026;

    @Nested
    class WhenParsing {
        @Test
        void reads_key_qualifiers_in_order_and_data_attributes_from_the_query() {
            Gs1DigitalLink link = Gs1DigitalLink.parse(
                    "https://id.yaopin.example/01/06901234567892/10/B2024/21/SN1?17=270600&linkType=gs1:pip", YEAR);
            assertThat(link.base()).isEqualTo("https://id.yaopin.example");
            assertThat(link.elements().toHumanReadable()).isEqualTo("(01)06901234567892(10)B2024(21)SN1(17)270600");
            assertThat(link.otherParameters()).containsEntry("linkType", "gs1:pip");
            assertThat(link.traceKey()).contains(new Gs1Key.Item(Gtin.parse("06901234567892"), "SN1"));
        }

        @Test
        void keeps_a_path_prefix_and_any_host_and_port() {
            Gs1DigitalLink link = Gs1DigitalLink.parse("http://127.0.0.1:8080/trace/v1/01/06901234567892", YEAR);
            assertThat(link.base()).isEqualTo("http://127.0.0.1:8080/trace/v1");
            assertThat(link.traceKey()).containsInstanceOf(Gs1Key.Product.class);
        }

        @Test
        void percent_decodes_values_as_utf8_and_keeps_a_plus() {
            Gs1DigitalLink link = Gs1DigitalLink.parse("https://d.example/01/06901234567892/21/A%2FB+C%25", YEAR);
            assertThat(link.elements().serial()).hasValue("A/B+C%");
        }

        @Test
        void normalises_a_gtin_13_to_14_digits() {
            Gs1DigitalLink link = Gs1DigitalLink.parse("https://d.example/01/6901234567892", YEAR);
            assertThat(link.elements().value("01")).hasValue("06901234567892");
        }

        @Test
        void reads_legacy_short_names_and_sscc_and_gln_keys() {
            assertThat(Gs1DigitalLink.parse("https://d.example/gtin/06901234567892/lot/L1/ser/S1", YEAR)
                    .elements().toHumanReadable()).isEqualTo("(01)06901234567892(10)L1(21)S1");
            assertThat(Gs1DigitalLink.parse("https://d.example/00/369012345000000012", YEAR).traceKey())
                    .containsInstanceOf(Gs1Key.LogisticUnit.class);
            assertThat(Gs1DigitalLink.parse("https://d.example/414/6901234567892/254/DOCK1", YEAR)
                    .elements().value("254")).hasValue("DOCK1");
        }
    }

    @Nested
    class WhenInvalid {
        @Test
        void rejects_qualifiers_out_of_the_standard_order() {
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/01/06901234567892/21/S1/10/L1", YEAR),
                    "digitalLink.qualifierOrder", "the order is (22), (10), (21)");
        }

        @Test
        void rejects_a_data_attribute_in_the_path_and_a_qualifier_in_the_query() {
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/01/06901234567892/17/270600", YEAR),
                    "digitalLink.qualifier", "query string");
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/01/06901234567892?21=S1", YEAR), "ai(21)",
                    "belongs in the path");
        }

        @Test
        void rejects_bad_percent_encoding_and_invalid_utf8() {
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/01/06901234567892/21/A%G1", YEAR),
                    "digitalLink", "not a valid URI");
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/01/06901234567892/21/A%C3%28", YEAR),
                    "digitalLink.percentEncoding", "UTF-8");
        }

        @Test
        void rejects_a_value_outside_character_set_82_after_decoding() {
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/01/06901234567892/21/A%20B", YEAR),
                    "ai(21)", "character set 82");
        }

        @Test
        void rejects_a_wrong_check_digit_in_the_path() {
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/01/06901234567891", YEAR), "ai(01).checkDigit",
                    "expected 2");
        }

        @Test
        void says_when_a_uri_has_no_key_or_is_compressed() {
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/products/123", YEAR), "digitalLink.path",
                    "no GS1 primary key");
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/ARHKVAdpQgTSvbVUSMFLW5bI0Q", YEAR),
                    "digitalLink.path", "compressed");
        }

        @Test
        void rejects_other_schemes_and_a_missing_key_value() {
            rejectsCode(() -> Gs1DigitalLink.parse("ftp://d.example/01/06901234567892", YEAR), "digitalLink.scheme",
                    "https://");
            rejectsCode(() -> Gs1DigitalLink.parse("https://d.example/01", YEAR), "ai(01)", "no value");
        }
    }

    @Nested
    class WhenBuilding {
        @Test
        void puts_key_and_qualifiers_in_the_path_in_standard_order_and_the_rest_in_the_query() {
            Gs1ElementString scan = Gs1ElementString.parse("(17)270600(21)S/1(01)06901234567892(10)L1", YEAR);
            Gs1DigitalLink link = Gs1DigitalLink.of("https://id.example.cn/", scan);
            assertThat(link.toUri()).isEqualTo("https://id.example.cn/01/06901234567892/10/L1/21/S%2F1?17=270600");
        }

        @Test
        void round_trips_through_parse() {
            Gs1DigitalLink link = Gs1DigitalLink.parse(
                    "https://id.example.cn/p/01/06901234567892/22/V1/10/L%25/21/S1?11=250100&x=y%20z", YEAR);
            assertThat(Gs1DigitalLink.parse(link.toUri(), YEAR)).isEqualTo(link);
            assertThat(link.toUri()).endsWith("?11=250100&x=y%20z");
        }

        @Test
        void uses_the_sscc_when_there_is_no_gtin_and_refuses_without_a_key() {
            Gs1ElementString label = Gs1ElementString.parse("(00)369012345000000012(02)06901234567892(37)10", YEAR);
            assertThat(Gs1DigitalLink.of("https://d.example", label).toUri())
                    .isEqualTo("https://d.example/00/369012345000000012?02=06901234567892&37=10");
            rejectsCode(() -> Gs1DigitalLink.of("https://d.example", Gs1ElementString.parse("(410)6901234567892",
                    YEAR)), "digitalLink.primaryKey", "no Digital Link primary key");
            rejectsCode(() -> Gs1DigitalLink.of("https://d.example?a=b", label), "digitalLink.base", "query");
        }
    }
}
