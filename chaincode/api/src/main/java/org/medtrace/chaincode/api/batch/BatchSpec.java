// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.batch;

import java.time.LocalDate;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.model.Herbal;
import org.medtrace.chaincode.api.model.Origin;
import org.medtrace.chaincode.api.model.Quantity;

/**
 * A batch to register: the request of {@code batch:register}, and each output batch of
 * {@code transformation:transform}. The compact constructor checks what needs no ledger state; {@link Batches}
 * checks the rest against the product.
 *
 * @param id identifier
 * @param productId the product
 * @param batchNumber 批号
 * @param productionDate 生产日期
 * @param expiryDate 有效期至
 * @param quantity batch size
 * @param herbal herbal lot data
 */
public record BatchSpec(String id, String productId, String batchNumber, LocalDate productionDate,
        LocalDate expiryDate, Quantity quantity, Herbal herbal) {

    private static final int SHORT_TEXT_MAX = 128;

    /** Validates and normalises every field. */
    public BatchSpec {
        id = Check.identifier("id", id);
        productId = Check.identifier("productId", productId);
        batchNumber = Check.text("batchNumber", batchNumber, 64);
        Check.required("productionDate", productionDate);
        Check.required("expiryDate", expiryDate);
        if (!expiryDate.isAfter(productionDate)) {
            throw Check.invalid("expiryDate", expiryDate + " is not after productionDate " + productionDate);
        }
        quantity = Check.optionalPositiveQuantity("quantity", quantity);
        herbal = herbal == null ? null : herbal(herbal);
        if (herbal != null && herbal.harvestDate() != null && herbal.harvestDate().isAfter(productionDate)) {
            throw Check.invalid("herbal.harvestDate", herbal.harvestDate() + " is after productionDate "
                    + productionDate);
        }
    }

    private static Herbal herbal(final Herbal given) {
        Origin origin = given.origin() == null ? null : new Origin(
                Check.optionalText("herbal.origin.province", given.origin().province(), SHORT_TEXT_MAX),
                Check.optionalText("herbal.origin.city", given.origin().city(), SHORT_TEXT_MAX),
                Check.optionalText("herbal.origin.county", given.origin().county(), SHORT_TEXT_MAX),
                Check.optionalText("herbal.origin.gapBase", given.origin().gapBase()),
                Check.optionalText("herbal.origin.geo", given.origin().geo(), SHORT_TEXT_MAX));
        return new Herbal(origin, given.harvestDate(),
                Check.optionalText("herbal.processingMethod", given.processingMethod()),
                Check.optionalText("herbal.testReportRef", given.testReportRef(), SHORT_TEXT_MAX),
                Check.optionalText("herbal.plot", given.plot(), SHORT_TEXT_MAX),
                Check.optionalText("herbal.seedSource", given.seedSource()));
    }
}
