// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medtrace.chaincode.api.model.Herbal;
import org.medtrace.chaincode.api.model.Quantity;

/**
 * A batch (生产批号) of a product, under key {@code ("batch", id)}.
 *
 * @param id identifier
 * @param productId the product
 * @param batchNumber 批号, unique per product
 * @param productionDate 生产日期
 * @param expiryDate 有效期至: usable through this date
 * @param mah MSP id of the product's MAH
 * @param quantity batch size, if declared
 * @param lotRelease 批签发 (vaccines)
 * @param herbal herbal lot data
 * @param sourceLots input lots, for batches made by a transformation
 * @param holds batch-level holds
 * @param recall the recall the batch is under
 * @param commissioned per package level, what is commissioned (kept when the batch declares a quantity, which
 *     bounds it), ordered by level; null before the first commissioning
 * @param registeredAt transaction timestamp
 * @param lastEventId the last event that changed this record
 */
public record Batch(String id, String productId, String batchNumber, LocalDate productionDate, LocalDate expiryDate,
        String mah, Quantity quantity, LotRelease lotRelease, Herbal herbal, List<SourceLot> sourceLots,
        List<HoldEntry> holds, RecallMark recall, List<Commissioned> commissioned, Instant registeredAt,
        String lastEventId) {

    /** @return what is commissioned at the level, or null when nothing is (or nothing is counted) */
    public Commissioned commissionedAt(final int level) {
        if (commissioned != null) {
            for (Commissioned candidate : commissioned) {
                if (candidate.packageLevel() == level) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** @return a copy in which the level's count is replaced (levels stay ordered) */
    public Batch withCommissioned(final Commissioned level, final String eventId) {
        List<Commissioned> levels = new ArrayList<>();
        if (commissioned != null) {
            commissioned.stream().filter(c -> !c.packageLevel().equals(level.packageLevel())).forEach(levels::add);
        }
        levels.add(level);
        levels.sort(Comparator.comparing(Commissioned::packageLevel));
        return new Batch(id, productId, batchNumber, productionDate, expiryDate, mah, quantity, lotRelease, herbal,
                sourceLots, holds, recall, List.copyOf(levels), registeredAt, eventId);
    }

    /** @return a copy with the lot release recorded */
    public Batch withLotRelease(final LotRelease release, final String eventId) {
        return new Batch(id, productId, batchNumber, productionDate, expiryDate, mah, quantity, release, herbal,
                sourceLots, holds, recall, commissioned, registeredAt, eventId);
    }

    /** @return a copy with one more hold */
    public Batch withHold(final HoldEntry hold, final String eventId) {
        List<HoldEntry> more = new ArrayList<>(holds);
        more.add(hold);
        return new Batch(id, productId, batchNumber, productionDate, expiryDate, mah, quantity, lotRelease, herbal,
                sourceLots, List.copyOf(more), recall, commissioned, registeredAt, eventId);
    }

    /** @return a copy without the hold */
    public Batch withoutHold(final String holdId, final String eventId) {
        List<HoldEntry> fewer = holds.stream().filter(h -> !h.holdId().equals(holdId)).toList();
        return new Batch(id, productId, batchNumber, productionDate, expiryDate, mah, quantity, lotRelease, herbal,
                sourceLots, fewer, recall, commissioned, registeredAt, eventId);
    }

    /** @return a copy under the recall */
    public Batch withRecall(final RecallMark mark, final String eventId) {
        return new Batch(id, productId, batchNumber, productionDate, expiryDate, mah, quantity, lotRelease, herbal,
                sourceLots, holds, mark, commissioned, registeredAt, eventId);
    }
}
