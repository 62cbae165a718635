// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.model.PackageLevel;
import org.medtrace.chaincode.api.model.Quantity;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.Commissioned;
import org.medtrace.chaincode.model.Product;
import org.medtrace.chaincode.model.Unit;

/**
 * A batch's declared quantity bounds what is commissioned of it, per package level. Count-based batches (a
 * UN/ECE Rec 20 unit that counts pieces) hold at most that many codes at the lowest level, and at a higher level
 * ceil(quantity / units per pack), where the childCounts of the levels in between give the units per pack (no bound
 * when one is not declared). Lot-based batches (KGM, ...) hold at most their quantity at each level, summed over the
 * units' quantities. A batch without a quantity has no bound, and its record is not written by commissioning.
 */
final class BatchQuantities {
    /** UN/ECE Rec 20 codes that count pieces: each, piece, one, number of articles. */
    static final Set<String> COUNT_UNITS = Set.of("EA", "H87", "C62", "NAR");

    private BatchQuantities() {
    }

    /**
     * @param each the quantity of each code (lot-based goods), or null
     * @return the level's counts with the codes added, or null when the batch declares no quantity
     * @throws Refusal QUANTITY_EXCEEDED naming declared, already commissioned and requested; INVALID_ARGUMENT when
     *     lot-based units come without a quantity in the batch's unit
     */
    static Commissioned add(final Product product, final Batch batch, final PackageLevel level, final int count,
            final Quantity each) {
        Quantity declared = batch.quantity();
        if (declared == null) {
            return null;
        }
        Commissioned before = commissioned(batch, level.level());
        if (COUNT_UNITS.contains(declared.uom())) {
            BigDecimal bound = countBound(product, declared, level.level());
            if (bound != null && BigDecimal.valueOf((long) before.count() + count).compareTo(bound) > 0) {
                throw exceeded(batch, level, bound.toPlainString() + " codes", before.count() + " codes",
                        count + " more");
            }
            return new Commissioned(level.level(), before.count() + count, null);
        }
        if (each == null || !each.uom().equals(declared.uom())) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "quantity: batch " + batch.id() + " is declared in "
                    + declared.uom() + ", so each unit's quantity is needed in " + declared.uom()
                    + (each == null ? "" : ", not " + each.uom()));
        }
        BigDecimal adding = each.value().multiply(BigDecimal.valueOf(count));
        BigDecimal already = before.quantity() == null ? BigDecimal.ZERO : before.quantity().value();
        if (already.add(adding).compareTo(declared.value()) > 0) {
            throw exceeded(batch, level, amount(declared.value(), declared.uom()), amount(already, declared.uom()),
                    amount(adding, declared.uom()) + " more (" + count + " × " + amount(each.value(), each.uom())
                            + ")");
        }
        return new Commissioned(level.level(), before.count() + count,
                new Quantity(Quantity.normal(already.add(adding)), declared.uom()));
    }

    /**
     * Decommissioning frees the unit's slot: its count, and for lot-based goods its remaining quantity.
     *
     * @return the level's counts without the units (all of the batch, at one level), or null when nothing is counted
     */
    static Commissioned remove(final Batch batch, final int level, final List<Unit> units) {
        Commissioned before = batch.commissionedAt(level);
        if (batch.quantity() == null || before == null) {
            return null;
        }
        int count = Math.max(0, before.count() - units.size());
        if (before.quantity() == null) {
            return new Commissioned(level, count, null);
        }
        BigDecimal left = before.quantity().value();
        for (Unit unit : units) {
            if (unit.quantity() != null && unit.quantity().uom().equals(before.quantity().uom())) {
                left = left.subtract(unit.quantity().value());
            }
        }
        return new Commissioned(level, count, new Quantity(Quantity.normal(left.max(BigDecimal.ZERO)),
                before.quantity().uom()));
    }

    private static Commissioned commissioned(final Batch batch, final int level) {
        Commissioned counted = batch.commissionedAt(level);
        return counted != null ? counted : new Commissioned(level, 0, null);
    }

    /** @return how many codes the level may hold, or null when the childCounts do not say */
    private static BigDecimal countBound(final Product product, final Quantity declared, final int level) {
        BigDecimal unitsPerPack = BigDecimal.ONE;
        List<PackageLevel> levels = product.packageLevels();
        for (int i = 1; i < levels.size() && levels.get(i).level() <= level; i++) {
            if (levels.get(i).childCount() == null) {
                return null;
            }
            unitsPerPack = unitsPerPack.multiply(BigDecimal.valueOf(levels.get(i).childCount()));
        }
        return declared.value().divide(unitsPerPack, 0, RoundingMode.CEILING);
    }

    private static Refusal exceeded(final Batch batch, final PackageLevel level, final String declared,
            final String already, final String requested) {
        return Refusal.of(ErrorCode.QUANTITY_EXCEEDED, "batch " + batch.id() + " declares "
                + amount(batch.quantity().value(), batch.quantity().uom()) + ", which allows at most " + declared
                + " at package level " + level.level() + " (" + level.name() + "); " + already
                + " are commissioned, " + requested + " were requested");
    }

    private static String amount(final BigDecimal value, final String uom) {
        return Quantity.normal(value).toPlainString() + " " + uom;
    }
}
