// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.identifiers.codes.CodeAssertions.rejects;
import static org.medtrace.identifiers.codes.CodeAssertions.rejectsCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException.Part;

class IdentifierMappingTest {
    private static final int YEAR = 2026;
    private static final Gtin GTIN = Gtin.parse("06901234567892");
    private final IdentifierMapping mapping = IdentifierMapping.forPrefix("88.118.8866");

    @Test
    void maps_every_kind_of_key_to_one_suffix_and_back() {
        List<TraceKey> keys = List.of(NmpaTraceCode.parse("81234560000012345678"),
                NmpaTraceCode.parse("00369012345000000012"), new Gs1Key.Product(GTIN), new Gs1Key.Batch(GTIN, "B.2024/1"),
                new Gs1Key.Item(GTIN, "SN.1"), new Gs1Key.Item(GTIN, "12"), new Gs1Key.Batch(GTIN, "12"),
                new Gs1Key.LogisticUnit(Sscc.parse("369012345000000012")));
        for (TraceKey key : keys) {
            Identifier id = mapping.identifierFor(key);
            assertThat(id.prefix()).isEqualTo("88.118.8866");
            assertThat(mapping.traceKeyOf(id)).as(id.toString()).isEqualTo(key);
            assertThat(TraceKey.fromSuffix(id.suffix()).toSuffix()).isEqualTo(id.suffix());
        }
        assertThat(keys.stream().map(TraceKey::toSuffix).distinct()).hasSameSizeAs(keys);
    }

    @Test
    void writes_the_documented_suffixes() {
        assertThat(mapping.identifierFor(CodeReader.read("]d2010690123456789217270600" + "10B2024\u001d21SN1", YEAR)))
                .hasToString("88.118.8866/01.06901234567892.21.SN1");
        assertThat(mapping.identifierFor(CodeReader.read("(01)06901234567892(10)B2024", YEAR)))
                .hasToString("88.118.8866/01.06901234567892.10.B2024");
        assertThat(mapping.identifierFor(CodeReader.read("(00)369012345000000012", YEAR)))
                .hasToString("88.118.8866/00.369012345000000012");
        assertThat(mapping.identifierFor(CodeReader.read("81234560000012345678", YEAR)))
                .hasToString("88.118.8866/81234560000012345678");
        assertThat(mapping.identifierFor(CodeReader.read("https://x.example/01/6901234567892", YEAR)))
                .hasToString("88.118.8866/01.06901234567892");
    }

    @Test
    void passes_identifiers_through_under_any_prefix() {
        assertThat(mapping.identifierFor(CodeReader.read("88.200.1/abc", YEAR))).hasToString("88.200.1/abc");
    }

    @Test
    void refuses_master_data_and_strings_without_a_key() {
        rejectsCode(() -> mapping.identifierFor(CodeReader.read("86901234012343", YEAR)), "drugStandardCode",
                "master data");
        rejectsCode(() -> mapping.identifierFor(CodeReader.read("(414)6901234567892(254)D1", YEAR)), "traceKey",
                "no trace identifier");
    }

    @Test
    void names_the_prefix_or_the_suffix_when_reading_back_fails() {
        rejects(() -> mapping.traceKeyOf(Identifier.parse("88.118.9999/81234560000012345678")), Part.PREFIX, null,
                "not under the enterprise prefix");
        rejects(() -> mapping.traceKeyOf(Identifier.parse("88.118.8866/batch-7")), Part.SUFFIX, "traceKeySuffix",
                "not a trace-code suffix");
        rejects(() -> mapping.traceKeyOf(Identifier.parse("88.118.8866/01.06901234567893.21.S")), Part.SUFFIX,
                "gtin.checkDigit", "expected 2");
        rejects(() -> mapping.traceKeyOf(Identifier.parse("88.118.8866/01.06901234567892.17.270600")), Part.SUFFIX,
                "traceKeySuffix", "'.10.<lot>' or '.21.<serial>'");
        rejects(() -> mapping.traceKeyOf(Identifier.parse("88.118.8866/01.06901234567892.21.")), Part.SUFFIX,
                "ai(21)", "empty");
    }
}
