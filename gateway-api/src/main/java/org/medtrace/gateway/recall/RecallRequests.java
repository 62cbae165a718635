// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.recall;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.medtrace.gateway.web.Common;

/** Request bodies of recalls. */
public final class RecallRequests {

    private RecallRequests() {
    }

    /**
     * {@code recall:create} (MAH of every batch, or regulator).
     *
     * @param recallId the recall's id
     * @param batchIds the recalled batches, 1..100
     * @param level I, II or III (药品召回管理办法)
     * @param reason why
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Create(@NotBlank @Pattern(regexp = Common.ID_PATTERN) String recallId,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 255) String> batchIds,
            @NotNull @Pattern(regexp = "I|II|III") String level, @NotBlank @Size(max = Common.TEXT_MAX) String reason,
            Instant eventTime) {
    }
}
