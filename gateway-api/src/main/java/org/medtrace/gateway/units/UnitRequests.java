// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.units;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.web.Common;

/** Request bodies of unit commissioning and aggregation. Codes may be in any scanned form. */
public final class UnitRequests {

    private UnitRequests() {
    }

    /**
     * {@code unit:commission}: serialised codes of one batch and packaging level, up to 10,000 in one request.
     *
     * @param batchId the batch
     * @param packageLevel the level declared by the product
     * @param codes the codes
     * @param quantity the quantity of each (lot-based goods)
     * @param eventTime when it happened
     * @param bizLocation where the goods are
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Commission(@NotBlank @Size(max = 255) String batchId, @NotNull @Min(1) @Max(8) Integer packageLevel,
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @Valid Common.Quantity quantity, Instant eventTime, @Size(max = 255) String bizLocation) {
    }

    /**
     * {@code unit:commissionContainers}: logistic containers (cases, pallets, cold boxes).
     *
     * @param containerType case, pallet, tote or cold_box
     * @param codes the codes (e.g. SSCCs)
     * @param eventTime when it happened
     * @param bizLocation where
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommissionContainers(@NotNull @Pattern(regexp = "case|pallet|tote|cold_box") String containerType,
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            Instant eventTime, @Size(max = 255) String bizLocation) {
    }

    /**
     * {@code unit:decommission}.
     *
     * @param codes the codes
     * @param reason why
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decommission(
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @NotBlank @Size(max = Common.TEXT_MAX) String reason, Instant eventTime) {
    }

    /**
     * {@code aggregation:pack}.
     *
     * @param parent the container
     * @param children what goes in
     * @param eventTime when
     * @param bizLocation where
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pack(@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String parent,
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> children,
            Instant eventTime, @Size(max = 255) String bizLocation) {
    }

    /**
     * {@code aggregation:unpack}; without children, everything.
     *
     * @param parent the container
     * @param children what comes out, or null for all
     * @param eventTime when
     * @param bizLocation where
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unpack(@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String parent,
            @Size(min = 1, max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> children,
            Instant eventTime, @Size(max = 255) String bizLocation) {
    }
}
