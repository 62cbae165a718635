// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.parameters;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medtrace.gateway.web.Common;

/** Request bodies of the ledger parameters. */
public final class ParameterRequests {

    /** A parameter's name: letters only (the chaincode names the known ones when it refuses another). */
    static final String NAME_PATTERN = "[A-Za-z]{1,64}";

    private ParameterRequests() {
    }

    /**
     * {@code parameters:set} (regulator): the chaincode checks the name and the value's bounds.
     *
     * @param name e.g. eventTimeSkewSeconds
     * @param value the new value
     * @param reason why, kept on the ledger with who set it
     */
    public record Change(@NotBlank @Pattern(regexp = NAME_PATTERN) String name, @NotNull Integer value,
            @NotBlank @Size(max = Common.TEXT_MAX) String reason) {
    }
}
