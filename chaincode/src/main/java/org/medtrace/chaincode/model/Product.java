// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import java.util.List;
import org.medtrace.chaincode.api.model.PackageLevel;
import org.medtrace.chaincode.api.model.ProductKind;
import org.medtrace.chaincode.api.model.Storage;

/**
 * A product (medicinal product master data), under key {@code ("product", id)}.
 *
 * @param id identifier
 * @param kind vaccine, herbal_raw or herbal_slice
 * @param name 通用名
 * @param tradeName 商品名
 * @param productCode 7-digit 药品标识码
 * @param gtin GTIN-14
 * @param mah MSP id of the marketing-authorisation holder
 * @param approvalNumber 批准文号
 * @param dosageForm 剂型
 * @param strength 制剂规格
 * @param specification 包装规格
 * @param packageLevels the packaging hierarchy, ordered by level
 * @param storage temperature band
 * @param coldChainRequired whether shipments must carry a temperature record
 * @param shelfLifeMonths shelf life
 * @param registeredAt transaction timestamp of registration
 */
public record Product(String id, ProductKind kind, String name, String tradeName, String productCode, String gtin,
        String mah, String approvalNumber, String dosageForm, String strength, String specification,
        List<PackageLevel> packageLevels, Storage storage, Boolean coldChainRequired, Integer shelfLifeMonths,
        Instant registeredAt) {

    /** @return the declared level, or null when the product has no such level */
    public PackageLevel level(final int level) {
        for (PackageLevel candidate : packageLevels) {
            if (candidate.level() == level) {
                return candidate;
            }
        }
        return null;
    }
}
