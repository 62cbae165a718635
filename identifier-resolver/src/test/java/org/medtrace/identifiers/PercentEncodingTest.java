// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {
    @Test
    void encodes_all_but_unreserved_characters_and_optionally_the_slash() {
        assertThat(PercentEncoding.encode("A/B C+当", false)).isEqualTo("A%2FB%20C%2B%E5%BD%93");
        assertThat(PercentEncoding.encode("88.1/a b", true)).isEqualTo("88.1/a%20b");
    }

    @Test
    void decodes_strictly_and_round_trips() {
        String text = "SN/1 (当归)+%";
        assertThat(PercentEncoding.decode(PercentEncoding.encode(text, false))).isEqualTo(text);
        assertThat(PercentEncoding.decode("a+b")).isEqualTo("a+b");
        assertThatThrownBy(() -> PercentEncoding.decode("%G1")).hasMessageContaining("bad percent-encoding");
        assertThatThrownBy(() -> PercentEncoding.decode("abc%4")).hasMessageContaining("bad percent-encoding");
        assertThatThrownBy(() -> PercentEncoding.decode("%C3%28")).hasMessageContaining("not UTF-8");
    }
}
