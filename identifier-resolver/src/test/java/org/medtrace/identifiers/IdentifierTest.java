// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Nested
    class WhenValid {
        @Test
        void splits_at_the_first_slash_and_keeps_the_rest_in_the_suffix() {
            Identifier id = Identifier.parse("88.118.8866/case/0001");
            assertThat(id.prefix()).isEqualTo("88.118.8866");
            assertThat(id.suffix()).isEqualTo("case/0001");
            assertThat(id).hasToString("88.118.8866/case/0001");
        }

        @Test
        void upper_cases_the_prefix_but_keeps_the_suffix_case() {
            Identifier id = Identifier.parse("  0.na/aBc  ");
            assertThat(id.prefix()).isEqualTo("0.NA");
            assertThat(id.suffix()).isEqualTo("aBc");
            assertThat(id).isNotEqualTo(Identifier.parse("0.NA/ABC"));
        }

        @Test
        void accepts_chinese_suffixes_and_normalises_them_to_nfc() {
            Identifier composed = Identifier.parse("88.118.8866/当归-\u00e9");
            Identifier decomposed = Identifier.parse("88.118.8866/当归-e\u0301");
            assertThat(decomposed).isEqualTo(composed);
        }

        @Test
        void knows_which_prefixes_it_lies_under() {
            Identifier id = Identifier.parse("88.118.8866/x");
            assertThat(id.isUnderPrefix("88.118")).isTrue();
            assertThat(id.isUnderPrefix("88.118.8866")).isTrue();
            assertThat(id.isUnderPrefix("88.11")).isFalse();
        }
    }

    @Nested
    class WhenInvalid {
        @Test
        void rejects_a_missing_slash_as_a_whole() {
            assertThatThrownBy(() -> Identifier.parse("88.118.8866"))
                    .isInstanceOfSatisfying(InvalidIdentifierException.class,
                            e -> assertThat(e.part()).isEqualTo(InvalidIdentifierException.Part.WHOLE))
                    .hasMessageContaining("no '/'");
        }

        @Test
        void names_the_empty_prefix_segment() {
            assertThatThrownBy(() -> Identifier.parse("88..8866/x"))
                    .isInstanceOfSatisfying(InvalidIdentifierException.class,
                            e -> assertThat(e.part()).isEqualTo(InvalidIdentifierException.Part.PREFIX))
                    .hasMessageContaining("segment 2 is empty");
        }

        @Test
        void rejects_bad_characters_in_the_prefix() {
            assertThatThrownBy(() -> Identifier.parse("88.1 1.2/x"))
                    .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("segment 2 contains ' '");
        }

        @Test
        void rejects_an_empty_suffix_and_control_characters() {
            assertThatThrownBy(() -> Identifier.parse("88.1/"))
                    .isInstanceOfSatisfying(InvalidIdentifierException.class,
                            e -> assertThat(e.part()).isEqualTo(InvalidIdentifierException.Part.SUFFIX));
            assertThatThrownBy(() -> Identifier.parse("88.1/a\u001db"))
                    .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("position 2");
        }

        @Test
        void rejects_suffixes_longer_than_255_utf8_bytes() {
            String suffix = "药".repeat(86); // 258 bytes
            assertThatThrownBy(() -> Identifier.of("88.1", suffix))
                    .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("258 UTF-8 bytes");
        }

        @Test
        void rejects_identifiers_longer_than_255_characters() {
            String suffix = "a".repeat(250);
            assertThatThrownBy(() -> Identifier.of("88.118.8866", suffix))
                    .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("262 characters");
        }
    }
}
