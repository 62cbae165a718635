// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medtrace.identifiers.InvalidIdentifierException;

class CodeReaderTest {
    private static final int YEAR = 2026;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "88.118.8866/01.06901234567892.21.SN1                     | IDENTIFIER",
        "81234560000012345678                                     | NMPA_TRACE_CODE",
        "8123456 000001234 5678                                   | NMPA_TRACE_CODE",
        "00369012345000000012                                     | GS1_ELEMENT_STRING",
        "(01)06901234567892(21)SN1                                | GS1_ELEMENT_STRING",
        "0106901234567892172706001012                             | GS1_ELEMENT_STRING",
        "010690123456789221SN1                                    | GS1_ELEMENT_STRING",
        "HTTPS://id.example.cn/01/06901234567892/21/SN1           | GS1_DIGITAL_LINK",
        "]Q1https://id.example.cn/01/06901234567892               | GS1_DIGITAL_LINK",
        "6901234567892                                            | GS1_KEY",
        "369012345000000012                                       | GS1_KEY",
        "86901234012343                                           | DRUG_STANDARD_CODE",
        "]C081234560000012345678                                  | NMPA_TRACE_CODE",
    })
    void tells_each_kind_apart(final String input, final ReadCode.Kind kind) {
        assertThat(CodeReader.read(input, YEAR).kind()).isEqualTo(kind);
    }

    @Test
    void keeps_the_symbology_identifier_of_a_gs1_scan() {
        ReadCode code = CodeReader.read("]d20106901234567892\u001d", YEAR);
        assertThat(code).isInstanceOfSatisfying(ReadCode.ElementString.class,
                e -> assertThat(e.symbologyIdentifier()).hasValue("]d2"));
    }

    @Test
    void says_which_trace_key_each_kind_names() {
        Gtin gtin = Gtin.parse("06901234567892");
        assertThat(CodeReader.read("(01)06901234567892(10)L1(21)S1", YEAR).traceKey())
                .contains(new Gs1Key.Item(gtin, "S1"));
        assertThat(CodeReader.read("(01)06901234567892(10)L1", YEAR).traceKey()).contains(new Gs1Key.Batch(gtin, "L1"));
        assertThat(CodeReader.read("88.1.2/01.06901234567892", YEAR).traceKey()).contains(new Gs1Key.Product(gtin));
        assertThat(CodeReader.read("88.1.2/some-local-name", YEAR).traceKey()).isEmpty();
        assertThat(CodeReader.read("86901234012343", YEAR).traceKey()).isEqualTo(Optional.empty());
    }

    @Test
    void reports_the_inner_error_of_the_kind_it_recognised() {
        assertThatThrownBy(() -> CodeReader.read("https://id.example.cn/01/06901234567893", YEAR))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.element()).hasValue("ai(01).checkDigit"));
        assertThatThrownBy(() -> CodeReader.read("88..1/x", YEAR))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.part()).isEqualTo(InvalidIdentifierException.Part.PREFIX));
    }

    @Test
    void says_what_it_expected_for_text_of_no_known_kind() {
        assertThatThrownBy(() -> CodeReader.read("hello world", YEAR))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("is not an identifier (prefix/suffix), a 20-digit drug traceability code");
        assertThatThrownBy(() -> CodeReader.read("   ", YEAR))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.part()).isEqualTo(InvalidIdentifierException.Part.WHOLE));
    }
}
