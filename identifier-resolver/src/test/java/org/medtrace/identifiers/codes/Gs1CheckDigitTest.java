// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1CheckDigitTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "4006381333931",      // GTIN-13 from GS1's check digit calculator example
        "09506000134352",     // GTIN-14 from the GS1 Digital Link standard's examples
        "106141411234567897", // SSCC with a known check digit
        "96385074",           // GTIN-8
        "036000291452"        // GTIN-12 (UPC-A)
    })
    void accepts_published_keys(final String key) {
        assertThat(Gs1CheckDigit.isValid(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "09506000134351", "0950600013435A", "", "1"})
    void rejects_a_wrong_check_digit_or_non_digits(final String key) {
        assertThat(Gs1CheckDigit.isValid(key)).isFalse();
    }

    @Test
    void computes_the_check_digit_of_the_data_digits() {
        assertThat(Gs1CheckDigit.compute("400638133393")).isEqualTo(1);
        assertThat(Gs1CheckDigit.compute("0950600013435")).isEqualTo(2);
    }

    @Test
    void refuses_to_compute_over_non_digits() {
        assertThatThrownBy(() -> Gs1CheckDigit.compute("12a4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 3");
    }
}
