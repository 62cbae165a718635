// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.custody.DestroyRequest;
import org.medtrace.chaincode.api.custody.StoreRequest;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Requirement;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitStatus;

/** Storing and destroying goods in one's custody. */
final class Handling {
    private static final Set<Requirement> STORABLE = EnumSet.of(Requirement.ACTIVE, Requirement.CUSTODIAN,
            Requirement.TOP_LEVEL, Requirement.NOT_RECALLED);
    /** Destruction is how held, recalled and expired goods end. */
    private static final Set<Requirement> DESTROYABLE = EnumSet.of(Requirement.ACTIVE, Requirement.CUSTODIAN,
            Requirement.TOP_LEVEL);

    private Handling() {
    }

    static Map<String, ?> store(final Tx tx, final StoreRequest req) {
        CustodyContract.requireHandler(tx);
        List<Unit> nodes = Goods.checkedTrees(tx, req.codes(), STORABLE);
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "storing", "sellable_not_accessible")
                .epcs(req.codes()).bizLocation(req.location())
                .classes(Goods.productIds(nodes), Goods.batchIds(nodes)).record();
        for (Unit node : nodes) {
            Goods.save(tx, node.change().location(req.location()), eventId);
        }
        return Map.of("count", nodes.size());
    }

    static Map<String, ?> destroy(final Tx tx, final DestroyRequest req) {
        CustodyContract.requireHandler(tx);
        List<Unit> nodes = Goods.checkedTrees(tx, req.codes(), DESTROYABLE);
        EventDraft draft = tx.event(EventDraft.OBJECT, "OBSERVE", "destroying", "destroyed").epcs(req.codes())
                .reason(req.reason()).classes(Goods.productIds(nodes), Goods.batchIds(nodes));
        if (req.method() != null) {
            draft.details(Json.object().put("method", req.method()));
        }
        String eventId = draft.record();
        for (Unit node : nodes) {
            Goods.save(tx, node.change().status(UnitStatus.DESTROYED), eventId);
        }
        return Map.of("count", nodes.size());
    }
}
