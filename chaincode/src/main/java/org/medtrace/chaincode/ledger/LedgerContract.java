// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.ledger.EventRequest;
import org.medtrace.chaincode.api.ledger.HistoryRequest;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;

/** Ledger reads: one event by id, and the history of any record. */
@Contract(name = "ledger", info = @Info(title = "MedTrace ledger reads", version = "1.0"))
public final class LedgerContract implements TraceabilityContract {

    /**
     * @param ctx the transaction context
     * @param request {@code {"eventId": ...}}
     * @return the event as stored
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String event(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "ledger:event", request, EventRequest.class, (tx, req) -> {
            JsonNode event = tx.state().get(Keys.of(Keys.EVENT, req.eventId()), JsonNode.class);
            if (event == null) {
                throw Refusal.of(ErrorCode.EVENT_NOT_FOUND, "event " + req.eventId() + " is not on the ledger");
            }
            return event;
        });
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"type": ..., "id": ..., "limit"?}}
     * @return {@code {"history": [{"txId", "timestamp", "isDelete", "value"?}], "truncated": bool}}, newest first
     *     as the peer returns it
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "ledger:history", request, HistoryRequest.class, (tx, req) -> {
            ObjectNode response = Json.object();
            ArrayNode entries = response.putArray("history");
            boolean truncated = false;
            try (QueryResultsIterator<KeyModification> history = ctx.getStub().getHistoryForKey(key(req))) {
                for (KeyModification modification : history) {
                    if (entries.size() == req.limit()) {
                        truncated = true;
                        break;
                    }
                    ObjectNode entry = entries.addObject().put("txId", modification.getTxId())
                            .put("timestamp", Json.instant(modification.getTimestamp()))
                            .put("isDelete", modification.isDeleted());
                    byte[] value = modification.getValue();
                    if (!modification.isDeleted() && value != null && value.length > 0) {
                        entry.set("value", Json.read(value, JsonNode.class));
                    }
                }
            } catch (Exception e) {
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("cannot close a history query", e);
            }
            response.put("truncated", truncated);
            return response;
        });
    }

    /** @return the composite key of the record a history request names */
    private static String key(final HistoryRequest req) {
        if (req.type().equals(HistoryRequest.AGGREGATION)) {
            int bar = req.id().indexOf('|');
            return Keys.of(Keys.AGGREGATION, req.id().substring(0, bar), req.id().substring(bar + 1));
        }
        return Keys.of(req.type(), req.id());
    }
}
