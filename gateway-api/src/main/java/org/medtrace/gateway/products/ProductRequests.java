// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.products;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the product writes. */
public final class ProductRequests {

    private ProductRequests() {
    }

    /**
     * {@code product:register}.
     *
     * @param id the product's identifier
     * @param kind vaccine, herbal_raw or herbal_slice
     * @param name generic name (通用名)
     * @param tradeName trade name
     * @param productCode 7-digit 药品标识码
     * @param gtin GTIN-14
     * @param approvalNumber 批准文号
     * @param dosageForm dosage form
     * @param strength strength
     * @param specification package specification
     * @param packageLevels the packaging levels
     * @param storage storage band
     * @param coldChainRequired whether shipments need a temperature record
     * @param shelfLifeMonths shelf life
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Register(
            @NotBlank @Size(max = 255) String id,
            @NotNull @Pattern(regexp = "vaccine|herbal_raw|herbal_slice") String kind,
            @NotBlank @Size(max = 255) String name,
            @Size(max = 255) String tradeName,
            @Pattern(regexp = "\\d{7}") String productCode,
            @Pattern(regexp = "\\d{8}|\\d{12,14}") String gtin,
            @Size(max = 64) String approvalNumber,
            @Size(max = 64) String dosageForm,
            @Size(max = 64) String strength,
            @Size(max = 255) String specification,
            @NotEmpty @Size(max = 8) List<@Valid @NotNull PackageLevel> packageLevels,
            @Valid Storage storage,
            Boolean coldChainRequired,
            @Min(1) @Max(600) Integer shelfLifeMonths) {
    }

    /**
     * One packaging level (1 = smallest sales unit).
     *
     * @param level 1..8
     * @param name e.g. 支, 盒, 箱
     * @param productCode the level's 7-digit code
     * @param gtin the level's GTIN
     * @param childCount how many of the level below it holds
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PackageLevel(@NotNull @Min(1) @Max(8) Integer level, @NotBlank @Size(max = 64) String name,
            @Pattern(regexp = "\\d{7}") String productCode, @Pattern(regexp = "\\d{8}|\\d{12,14}") String gtin,
            @Min(1) @Max(100_000) Integer childCount) {
    }

    /**
     * Storage temperature band.
     *
     * @param minCelsius lower bound
     * @param maxCelsius upper bound
     */
    public record Storage(@NotNull BigDecimal minCelsius, @NotNull BigDecimal maxCelsius) {
    }
}
