// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.product;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.product.RegisterProductRequest;
import org.medtrace.chaincode.api.query.IdRequest;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.model.Product;

/** Product master data: {@code product:register}, {@code product:get}. */
@Contract(name = "product", info = @Info(title = "MedTrace products", version = "1.0"))
public final class ProductContract implements TraceabilityContract {

    /**
     * Registers a product; the caller's organisation becomes its marketing-authorisation holder.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"product": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String register(final Context ctx, final String request) {
        return Transactions.submit(ctx, "product:register", request, RegisterProductRequest.class,
                ProductContract::register);
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"id": ...}}
     * @return the product record
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "product:get", request, IdRequest.class,
                (tx, req) -> Goods.product(tx, req.id()));
    }

    private static Map<String, ?> register(final Tx tx, final RegisterProductRequest req) {
        tx.requireRole(Role.MANUFACTURER);
        String key = Keys.of(Keys.PRODUCT, req.id());
        if (tx.state().exists(key)) {
            throw Refusal.of(ErrorCode.PRODUCT_EXISTS, "product " + req.id() + " is registered already");
        }
        Product product = new Product(req.id(), req.kind(), req.name(), req.tradeName(), req.productCode(),
                req.gtin(), tx.caller().msp(), req.approvalNumber(), req.dosageForm(), req.strength(),
                req.specification(), req.packageLevels(), req.storage(), req.coldChainRequired(),
                req.shelfLifeMonths(), tx.now());
        tx.event(EventDraft.OBJECT, "ADD", "creating_class_instance", "active")
                .epcs(List.of())
                .quantities(List.of(new QuantityElement(product.id(), null, null)))
                .ilmd(Json.tree(product))
                .classes(Set.of(product.id()), Set.of())
                .record();
        tx.state().put(key, product);
        return Map.of("product", product);
    }
}
