// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.transformations;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.medtrace.gateway.batches.BatchRequests;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.web.Common;

/** Request bodies of transformations (中药材 raw lots processed into 饮片 batches). */
public final class TransformationRequests {

    private TransformationRequests() {
    }

    /**
     * {@code transformation:transform}.
     *
     * @param transformationId the new transformation's id
     * @param inputs raw-lot units and how much of each is consumed
     * @param outputs the slice batches produced
     * @param processingMethod 炮制 method
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transform(@NotBlank @Pattern(regexp = Common.ID_PATTERN) String transformationId,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Input> inputs,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Output> outputs,
            @NotBlank @Size(max = 255) String processingMethod, Instant eventTime) {
    }

    /**
     * One input.
     *
     * @param code the raw-lot unit
     * @param quantity how much is consumed
     */
    public record Input(@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String code,
            @NotNull @Valid Common.Quantity quantity) {
    }

    /**
     * One output batch.
     *
     * @param batch the batch, registered as by {@code batch:register}
     * @param quantity how much was produced
     */
    public record Output(@NotNull @Valid BatchRequests.Register batch, @NotNull @Valid Common.Quantity quantity) {
    }
}
