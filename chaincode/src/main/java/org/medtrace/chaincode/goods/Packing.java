// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.goods;

import java.util.List;
import org.medtrace.chaincode.api.model.ContainerType;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.model.Unit;

/** Writes unpacking: shared by {@code aggregation:unpack} and the implicit unpack of {@code custody:dispense}. */
public final class Packing {
    private Packing() {
    }

    /**
     * Deletes the live edges of the children and writes the AggregationEvent DELETE unpacking; the parent's record
     * notes the event (the caller writes the children's).
     *
     * @param units the parent and children, for the event's classes
     * @return the event id
     */
    public static String unpack(final Tx tx, final Unit parent, final List<String> children,
            final List<Unit> units) {
        String eventId = tx.event(EventDraft.AGGREGATION, "DELETE", "unpacking", null).parent(parent.id(), children)
                .classes(Goods.productIds(units), Goods.batchIds(units)).record();
        for (String child : children) {
            tx.state().delete(Keys.of(Keys.AGGREGATION, parent.id(), child));
            tx.state().delete(Keys.of(Keys.CONTAINED_IN, child));
        }
        Goods.save(tx, parent.change(), eventId);
        return eventId;
    }

    /** @return the rank of a container type: a container goes only into one of a higher rank */
    public static int rank(final ContainerType type) {
        return switch (type) {
            case CASE, TOTE -> 1;
            case COLD_BOX -> 2;
            case PALLET -> 3;
        };
    }
}
