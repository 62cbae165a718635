// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.batch;

import java.util.List;
import java.util.Set;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.batch.BatchSpec;
import org.medtrace.chaincode.api.model.Herbal;
import org.medtrace.chaincode.api.model.ProductKind;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.Product;
import org.medtrace.chaincode.model.SourceLot;

/** Registers batches: shared by {@code batch:register} and {@code transformation:transform}. */
public final class Batches {
    private Batches() {
    }

    /** The index record under {@code ("batchNumber", productId, batchNumber)}: batch numbers are unique per product. */
    record BatchNumber(String batchId) {
    }

    /**
     * Checks the batch against its product and the ledger, writes it with its registration event.
     *
     * @param field the request field the batch came from ("" for batch:register), to name fields in refusals
     * @param sourceLots the input lots, for a transformation's output (empty otherwise)
     * @return the batch written
     * @throws Refusal PRODUCT_NOT_FOUND, NOT_MAH, BATCH_EXISTS, INVALID_ARGUMENT
     */
    public static Batch register(final Tx tx, final BatchSpec spec, final String field,
            final List<SourceLot> sourceLots) {
        Product product = Goods.product(tx, spec.productId());
        if (!product.mah().equals(tx.caller().msp())) {
            throw Refusal.of(ErrorCode.NOT_MAH, "product " + product.id() + " belongs to MAH " + product.mah()
                    + ", not " + tx.caller().msp());
        }
        checkKind(field, spec.herbal(), product);
        if (spec.productionDate().isAfter(tx.today())) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field + "productionDate: " + spec.productionDate()
                    + " lies in the future");
        }
        String key = Keys.of(Keys.BATCH, spec.id());
        if (tx.state().exists(key)) {
            throw Refusal.of(ErrorCode.BATCH_EXISTS, "batch " + spec.id() + " is registered already");
        }
        String numberKey = Keys.of(Keys.BATCH_NUMBER, product.id(), spec.batchNumber());
        BatchNumber holder = tx.state().get(numberKey, BatchNumber.class);
        if (holder != null) {
            throw Refusal.of(ErrorCode.BATCH_EXISTS, "product " + product.id() + " has batch number "
                    + spec.batchNumber() + " already, as batch " + holder.batchId());
        }
        Batch draft = new Batch(spec.id(), product.id(), spec.batchNumber(), spec.productionDate(),
                spec.expiryDate(), product.mah(), spec.quantity(), null, spec.herbal(), List.copyOf(sourceLots),
                List.of(), null, null, tx.now(), null);
        String eventId = tx.event(EventDraft.OBJECT, "ADD", "creating_class_instance", "active")
                .epcs(List.of())
                .quantities(List.of(spec.quantity() == null ? new QuantityElement(spec.id(), null, null)
                        : new QuantityElement(spec.id(), spec.quantity().value(), spec.quantity().uom())))
                .ilmd(Json.tree(draft))
                .classes(Set.of(product.id()), Set.of(spec.id()))
                .record();
        Batch batch = new Batch(draft.id(), draft.productId(), draft.batchNumber(), draft.productionDate(),
                draft.expiryDate(), draft.mah(), draft.quantity(), null, draft.herbal(), draft.sourceLots(),
                draft.holds(), null, null, draft.registeredAt(), eventId);
        tx.state().put(key, batch);
        tx.state().put(numberKey, new BatchNumber(batch.id()));
        return batch;
    }

    private static void checkKind(final String field, final Herbal herbal, final Product product) {
        if (product.kind() == ProductKind.VACCINE) {
            if (herbal != null) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field + "herbal: a vaccine batch carries no herbal data");
            }
            return;
        }
        if (herbal == null) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field + "herbal: is required for a " + product.kind()
                    + " batch");
        }
        if (product.kind() == ProductKind.HERBAL_RAW) {
            if (herbal.origin() == null || herbal.origin().province() == null) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field
                        + "herbal.origin.province: is required for a herbal_raw batch (产地)");
            }
            if (herbal.harvestDate() == null) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field
                        + "herbal.harvestDate: is required for a herbal_raw batch");
            }
        } else {
            if (herbal.processingMethod() == null) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field
                        + "herbal.processingMethod: is required for a herbal_slice batch (炮制方法)");
            }
            if (herbal.testReportRef() == null) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field
                        + "herbal.testReportRef: is required for a herbal_slice batch (检验报告)");
            }
        }
    }
}
