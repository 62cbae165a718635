// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.goods;

import java.util.List;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.model.Hold;
import org.medtrace.chaincode.model.HoldEntry;
import org.medtrace.chaincode.model.HoldStatus;
import org.medtrace.chaincode.model.Unit;

/** Places holds on goods: shared by {@code custody:hold}, {@code custody:inspect} and {@code telemetry:excursion}. */
public final class Holds {
    private Holds() {
    }

    /** @throws Refusal HOLD_EXISTS if the hold id was used before */
    public static void requireUnused(final Tx tx, final String holdId) {
        if (tx.state().exists(Keys.of(Keys.HOLD, holdId))) {
            throw Refusal.of(ErrorCode.HOLD_EXISTS, "hold " + holdId + " exists already");
        }
    }

    /**
     * Puts the hold on every node and writes the hold record.
     *
     * @param codes the codes named (top level)
     * @param nodes every node of their trees
     * @param excursionId the excursion placing it, or null
     * @param eventId the event that places it
     * @return the hold record
     */
    public static Hold placeOnGoods(final Tx tx, final String holdId, final String reason, final List<String> codes,
            final List<Unit> nodes, final String excursionId, final String eventId) {
        HoldEntry entry = new HoldEntry(holdId, reason, tx.caller().msp(), tx.now());
        for (Unit node : nodes) {
            Goods.requireInTimeOrder(tx, node);
            Goods.save(tx, node.change().addHold(entry), eventId);
        }
        Hold hold = new Hold(holdId, reason, tx.caller().msp(), tx.caller().role().wire(), tx.now(),
                List.copyOf(codes), Goods.ids(nodes), null, List.copyOf(Goods.mahs(tx, nodes)), excursionId,
                HoldStatus.ACTIVE, null, null);
        tx.state().put(Keys.of(Keys.HOLD, holdId), hold);
        return hold;
    }
}
