// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.telemetry;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.query.IdRequest;
import org.medtrace.chaincode.api.telemetry.AnchorRequest;
import org.medtrace.chaincode.api.telemetry.AnchorsRequest;
import org.medtrace.chaincode.api.telemetry.AssociateRequest;
import org.medtrace.chaincode.api.telemetry.DissociateRequest;
import org.medtrace.chaincode.api.telemetry.ExcursionRequest;
import org.medtrace.chaincode.api.telemetry.LoggerRequest;
import org.medtrace.chaincode.api.telemetry.RegisterLoggerRequest;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;

/**
 * Cold-chain telemetry: loggers, their association with goods, anchors of reading windows (Merkle root and summary;
 * the readings stay off-chain) and excursions, which hold the goods.
 */
@Contract(name = "telemetry", info = @Info(title = "MedTrace cold-chain telemetry", version = "1.0"))
public final class TelemetryContract implements TraceabilityContract {

    /**
     * Registers a logger; the caller's organisation owns it.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"logger": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerLogger(final Context ctx, final String request) {
        return Transactions.submit(ctx, "telemetry:registerLogger", request, RegisterLoggerRequest.class,
                LoggerRules::register);
    }

    /**
     * Revokes a logger: it anchors no more readings.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"logger": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String revokeLogger(final Context ctx, final String request) {
        return Transactions.submit(ctx, "telemetry:revokeLogger", request, LoggerRequest.class,
                LoggerRules::revoke);
    }

    /**
     * Associates a logger with goods (it travels with them).
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"count": n, "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String associate(final Context ctx, final String request) {
        return Transactions.submit(ctx, "telemetry:associate", request, AssociateRequest.class,
                LoggerRules::associate);
    }

    /**
     * Ends associations of a logger with goods.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"count": n, "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String dissociate(final Context ctx, final String request) {
        return Transactions.submit(ctx, "telemetry:dissociate", request, DissociateRequest.class,
                LoggerRules::dissociate);
    }

    /**
     * Anchors one window of a logger's readings.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"anchor": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String anchor(final Context ctx, final String request) {
        return Transactions.submit(ctx, "telemetry:anchor", request, AnchorRequest.class, AnchorRules::anchor);
    }

    /**
     * Reports an excursion; every tree associated with the logger goes on hold.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"excursion": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String excursion(final Context ctx, final String request) {
        return Transactions.submit(ctx, "telemetry:excursion", request, ExcursionRequest.class,
                AnchorRules::excursion);
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"id": ...}}
     * @return the logger record
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getLogger(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "telemetry:getLogger", request, IdRequest.class,
                (tx, req) -> Loggers.logger(tx, req.id()));
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"loggerId": ..., "from"?, "to"?, "pageSize"?, "bookmark"?}}
     * @return {@code {"anchors": [...], "bookmark": ...}}
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String anchors(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "telemetry:anchors", request, AnchorsRequest.class,
                AnchorRules::anchors);
    }
}
