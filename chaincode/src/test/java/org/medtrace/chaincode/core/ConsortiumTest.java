// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;

/** Without the consortium authority in its environment the chaincode refuses everything. */
class ConsortiumTest {
    @Test
    void the_authority_is_the_msp_id_the_environment_names() {
        assertThat(Consortium.authority(Map.of(Consortium.AUTHORITY_VARIABLE, " ShanghaiMpaMSP ")))
                .isEqualTo("ShanghaiMpaMSP");
    }

    @Test
    void an_absent_blank_or_malformed_authority_is_consortium_not_configured() {
        for (Map<String, String> environment : java.util.List.of(Map.<String, String>of(),
                Map.of(Consortium.AUTHORITY_VARIABLE, " "), Map.of(Consortium.AUTHORITY_VARIABLE, "Shanghai MPA"))) {
            assertThatThrownBy(() -> Consortium.authority(environment)).isInstanceOfSatisfying(Refusal.class,
                    refusal -> {
                        assertThat(refusal.code()).isEqualTo(ErrorCode.CONSORTIUM_NOT_CONFIGURED);
                        assertThat(refusal.getMessage()).startsWith("[CONSORTIUM_NOT_CONFIGURED] ")
                                .contains(Consortium.AUTHORITY_VARIABLE);
                    });
        }
    }
}
