// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.FieldProblem;

class KeysTest {
    @Test
    void builds_the_same_keys_as_the_shim() {
        assertThat(Keys.of("unit", "88.118.8866/V1")).isEqualTo(new CompositeKey("unit", "88.118.8866/V1").toString());
        assertThat(Keys.of("aggregation", "88.1/P", "88.1/C")).isEqualTo(new CompositeKey("aggregation", "88.1/P",
                "88.1/C").toString());
        assertThat(Keys.of("product")).isEqualTo(new CompositeKey("product").toString());
        assertThat(Keys.of("unit", "88.1/黄芪-𠀀")).isEqualTo(new CompositeKey("unit", "88.1/黄芪-𠀀").toString());
    }

    @Test
    void refuses_segments_the_shim_refuses() {
        assertThatThrownBy(() -> Keys.of("unit", "a\u0000b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.of("unit", "a" + Keys.MAX_CODE_POINT)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> Check.identifier("id", "88.1/a" + Keys.MAX_CODE_POINT))
                .isInstanceOf(FieldProblem.class).hasMessageContaining("U+10FFFF");
    }
}
