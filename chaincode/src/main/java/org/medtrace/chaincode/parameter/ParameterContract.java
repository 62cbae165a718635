// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.parameter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.parameter.LedgerParameters;
import org.medtrace.chaincode.api.parameter.ParameterRequest;
import org.medtrace.chaincode.api.parameter.SetParameterRequest;
import org.medtrace.chaincode.core.Parameters;
import org.medtrace.chaincode.core.State;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.model.Parameter;

/**
 * Ledger parameters: settings of the rules that every endorser must apply alike (so they cannot come from a peer's
 * environment), set by a regulator, each change an event saying who and why.
 */
@Contract(name = "parameters", info = @Info(title = "MedTrace ledger parameters", version = "1.0"))
public final class ParameterContract implements TraceabilityContract {

    /**
     * Sets a parameter.
     *
     * @param ctx the transaction context
     * @param request {@code {"name", "value", "reason"}}, see docs/chaincode-api.md
     * @return {@code {"parameter": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String set(final Context ctx, final String request) {
        return Transactions.submit(ctx, "parameters:set", request, SetParameterRequest.class,
                ParameterContract::set);
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"name": ...}}
     * @return the parameter: its value (the default until one is set), default, bounds and the last change
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "parameters:get", request, ParameterRequest.class,
                (tx, req) -> view(tx.state(), ParameterRequest.definition("name", req.name())));
    }

    private static Map<String, ?> set(final Tx tx, final SetParameterRequest req) {
        tx.requireRole(Role.REGULATOR);
        LedgerParameters.Definition definition = ParameterRequest.definition("name", req.name());
        long previous = Parameters.value(tx.state(), definition);
        ObjectNode details = Json.object().put("parameter", definition.name()).put("value", req.value())
                .put("previous", previous);
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "other", null).epcs(List.of())
                .reason(req.reason()).details(details).record();
        tx.state().put(Parameters.key(definition), new Parameter(definition.name(), req.value().longValue(),
                req.reason(), tx.caller().msp(), tx.now(), eventId));
        return Map.of("parameter", view(tx.state(), definition));
    }

    private static ObjectNode view(final State state, final LedgerParameters.Definition definition) {
        Parameter stored = state.get(Parameters.key(definition), Parameter.class);
        ObjectNode view = stored == null ? Json.object().put("name", definition.name()) : Json.tree(stored);
        view.put("value", stored == null ? definition.defaultValue() : stored.value());
        view.put("defaultValue", definition.defaultValue()).put("min", definition.min()).put("max", definition.max());
        return view;
    }
}
