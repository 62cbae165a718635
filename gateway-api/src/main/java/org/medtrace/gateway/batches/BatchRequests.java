// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.batches;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.medtrace.gateway.web.Common;

/** Request bodies of the batch writes. */
public final class BatchRequests {

    private BatchRequests() {
    }

    /**
     * {@code batch:register}.
     *
     * @param id the batch identifier
     * @param productId the product
     * @param batchNumber 生产批号
     * @param productionDate production date
     * @param expiryDate expiry date (after production)
     * @param quantity batch size
     * @param herbal herbal origin and processing (herbal products)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Register(@NotBlank @Size(max = 255) String id, @NotBlank @Size(max = 255) String productId,
            @NotBlank @Size(max = 64) String batchNumber, @NotNull LocalDate productionDate,
            @NotNull LocalDate expiryDate, @Valid Common.Quantity quantity, @Valid Herbal herbal) {
    }

    /**
     * Herbal data: 产地 / GAP base for raw lots, 炮制 method and test report for slices.
     *
     * @param origin where it grew
     * @param harvestDate harvest date
     * @param processingMethod processing method
     * @param testReportRef test report reference
     * @param plot plot
     * @param seedSource seed source
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Herbal(@Valid Origin origin, LocalDate harvestDate, @Size(max = 255) String processingMethod,
            @Size(max = 255) String testReportRef, @Size(max = 255) String plot,
            @Size(max = 255) String seedSource) {
    }

    /**
     * Origin of a herbal raw lot.
     *
     * @param province province
     * @param city city
     * @param county county
     * @param gapBase the GAP base
     * @param geo coordinates or geohash
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(@NotBlank @Size(max = 64) String province, @Size(max = 64) String city,
            @Size(max = 64) String county, @Size(max = 255) String gapBase, @Size(max = 64) String geo) {
    }

    /**
     * {@code batch:recordLotRelease} (批签发).
     *
     * @param batchId the vaccine batch
     * @param certificateNumber 批签发合格证 number
     * @param issuer the issuing authority
     * @param releaseDate release date
     */
    public record LotRelease(@NotBlank @Size(max = 255) String batchId,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]+") String certificateNumber,
            @NotBlank @Size(max = 255) String issuer, @NotNull LocalDate releaseDate) {
    }
}
