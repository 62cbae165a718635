// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.model.PackageLevel;
import org.medtrace.chaincode.api.model.ProductKind;
import org.medtrace.chaincode.api.model.Storage;

/** The request of {@code product:register}; the compact constructor validates and normalises every field. */
public record RegisterProductRequest(String id, ProductKind kind, String name, String tradeName, String productCode,
        String gtin, String approvalNumber, String dosageForm, String strength, String specification,
        List<PackageLevel> packageLevels, Storage storage, Boolean coldChainRequired, Integer shelfLifeMonths) {

    private static final int SHELF_LIFE_MONTHS_MAX = 600;
    private static final int CHILD_COUNT_MAX = 100_000;

    /** Validates and normalises every field. */
    public RegisterProductRequest {
        id = Check.identifier("id", id);
        Check.required("kind", kind);
        name = Check.text("name", name);
        tradeName = Check.optionalText("tradeName", tradeName);
        productCode = Check.optionalProductCode("productCode", productCode);
        gtin = Check.optionalGtin("gtin", gtin);
        approvalNumber = Check.optionalText("approvalNumber", approvalNumber, 64);
        dosageForm = Check.optionalText("dosageForm", dosageForm);
        strength = Check.optionalText("strength", strength);
        specification = Check.optionalText("specification", specification);
        packageLevels = levels(packageLevels);
        storage = storage(storage, kind);
        shelfLifeMonths = Check.optionalRange("shelfLifeMonths", shelfLifeMonths, 1, SHELF_LIFE_MONTHS_MAX);
        if (coldChainRequired == null) {
            coldChainRequired = kind == ProductKind.VACCINE;
        }
        if (kind == ProductKind.VACCINE) {
            Check.required("approvalNumber", approvalNumber);
            if (productCode == null && gtin == null) {
                throw Check.invalid("productCode", "a vaccine needs a productCode (药品标识码) or a gtin");
            }
        }
    }

    private static List<PackageLevel> levels(final List<PackageLevel> given) {
        List<PackageLevel> levels = Check.list("packageLevels", given, 1, Limits.PACKAGE_LEVELS_MAX);
        List<PackageLevel> normal = new ArrayList<>(levels.size());
        Set<Integer> seen = new HashSet<>();
        int lowest = levels.stream().mapToInt(l -> l.level() == null ? Integer.MAX_VALUE : l.level()).min()
                .orElseThrow();
        for (int i = 0; i < levels.size(); i++) {
            PackageLevel level = levels.get(i);
            String field = "packageLevels[" + i + "]";
            int number = Check.range(field + ".level", level.level(), 1, Limits.PACKAGE_LEVELS_MAX);
            if (!seen.add(number)) {
                throw Check.invalid(field + ".level", "level " + number + " is declared twice");
            }
            Integer childCount = Check.optionalRange(field + ".childCount", level.childCount(), 1, CHILD_COUNT_MAX);
            if (childCount != null && number == lowest) {
                throw Check.invalid(field + ".childCount", "the lowest level holds no lower level");
            }
            normal.add(new PackageLevel(number, Check.text(field + ".name", level.name(), 64),
                    Check.optionalProductCode(field + ".productCode", level.productCode()),
                    Check.optionalGtin(field + ".gtin", level.gtin()), childCount));
        }
        normal.sort(Comparator.comparing(PackageLevel::level));
        return List.copyOf(normal);
    }

    private static Storage storage(final Storage given, final ProductKind kind) {
        if (given == null) {
            return kind == ProductKind.VACCINE ? Storage.VACCINE_DEFAULT : null;
        }
        BigDecimal min = Check.celsius("storage.minCelsius", given.minCelsius());
        BigDecimal max = Check.celsius("storage.maxCelsius", given.maxCelsius());
        if (min.compareTo(max) >= 0) {
            throw Check.invalid("storage.maxCelsius", max.toPlainString() + " is not above minCelsius "
                    + min.toPlainString());
        }
        return new Storage(min, max);
    }
}
