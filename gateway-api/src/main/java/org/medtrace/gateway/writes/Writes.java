// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.writes;

import org.medtrace.chaincode.api.aggregation.PackRequest;
import org.medtrace.chaincode.api.aggregation.UnpackRequest;
import org.medtrace.chaincode.api.batch.BatchSpec;
import org.medtrace.chaincode.api.batch.LotReleaseRequest;
import org.medtrace.chaincode.api.custody.AdministerRequest;
import org.medtrace.chaincode.api.custody.CancelShipmentRequest;
import org.medtrace.chaincode.api.custody.DestroyRequest;
import org.medtrace.chaincode.api.custody.DispenseRequest;
import org.medtrace.chaincode.api.custody.HoldRequest;
import org.medtrace.chaincode.api.custody.InspectRequest;
import org.medtrace.chaincode.api.custody.ReceiveRequest;
import org.medtrace.chaincode.api.custody.ReleaseRequest;
import org.medtrace.chaincode.api.custody.ReturnRequest;
import org.medtrace.chaincode.api.custody.ShipRequest;
import org.medtrace.chaincode.api.custody.StoreRequest;
import org.medtrace.chaincode.api.membership.MemberRequest;
import org.medtrace.chaincode.api.parameter.SetParameterRequest;
import org.medtrace.chaincode.api.product.RegisterProductRequest;
import org.medtrace.chaincode.api.recall.RecallRequest;
import org.medtrace.chaincode.api.telemetry.AnchorRequest;
import org.medtrace.chaincode.api.telemetry.AssociateRequest;
import org.medtrace.chaincode.api.telemetry.DissociateRequest;
import org.medtrace.chaincode.api.telemetry.ExcursionRequest;
import org.medtrace.chaincode.api.telemetry.LoggerRequest;
import org.medtrace.chaincode.api.telemetry.RegisterLoggerRequest;
import org.medtrace.chaincode.api.transformation.TransformRequest;
import org.medtrace.chaincode.api.unit.CommissionContainersRequest;
import org.medtrace.chaincode.api.unit.CommissionRequest;
import org.medtrace.chaincode.api.unit.DecommissionRequest;
import org.medtrace.gateway.codes.CodeFields;
import org.medtrace.gateway.writes.LedgerWrites.Write;

/**
 * Every chaincode transaction the gateway submits: its name, the chaincode's request record, and the fields in
 * which callers may give codes in any scanned form (rewritten to canonical identifiers before the check).
 */
public final class Writes {
    /** {@code product:register}. */
    public static final Write<RegisterProductRequest> REGISTER_PRODUCT =
            new Write<>("product:register", RegisterProductRequest.class, CodeFields.of("id"));
    /** {@code batch:register}. */
    public static final Write<BatchSpec> REGISTER_BATCH =
            new Write<>("batch:register", BatchSpec.class, CodeFields.of("id", "productId"));
    /** {@code batch:recordLotRelease}. */
    public static final Write<LotReleaseRequest> LOT_RELEASE =
            new Write<>("batch:recordLotRelease", LotReleaseRequest.class, CodeFields.of("batchId"));
    /** {@code unit:commission}. */
    public static final Write<CommissionRequest> COMMISSION =
            new Write<>("unit:commission", CommissionRequest.class, CodeFields.of("batchId", "codes[]"));
    /** {@code unit:commissionContainers}. */
    public static final Write<CommissionContainersRequest> COMMISSION_CONTAINERS = new Write<>(
            "unit:commissionContainers", CommissionContainersRequest.class, CodeFields.of("codes[]"));
    /** {@code unit:decommission}. */
    public static final Write<DecommissionRequest> DECOMMISSION =
            new Write<>("unit:decommission", DecommissionRequest.class, CodeFields.of("codes[]"));
    /** {@code aggregation:pack}. */
    public static final Write<PackRequest> PACK =
            new Write<>("aggregation:pack", PackRequest.class, CodeFields.of("parent", "children[]"));
    /** {@code aggregation:unpack}. */
    public static final Write<UnpackRequest> UNPACK =
            new Write<>("aggregation:unpack", UnpackRequest.class, CodeFields.of("parent", "children[]"));
    /** {@code custody:ship}. */
    public static final Write<ShipRequest> SHIP =
            new Write<>("custody:ship", ShipRequest.class, CodeFields.of("codes[]"));
    /** {@code custody:receive}. */
    public static final Write<ReceiveRequest> RECEIVE =
            new Write<>("custody:receive", ReceiveRequest.class, CodeFields.of("codes[]"));
    /** {@code custody:return}. */
    public static final Write<ReturnRequest> RETURN =
            new Write<>("custody:return", ReturnRequest.class, CodeFields.of("codes[]"));
    /** {@code custody:cancelShipment}. */
    public static final Write<CancelShipmentRequest> CANCEL_SHIPMENT =
            new Write<>("custody:cancelShipment", CancelShipmentRequest.class, CodeFields.NONE);
    /** {@code custody:store}. */
    public static final Write<StoreRequest> STORE =
            new Write<>("custody:store", StoreRequest.class, CodeFields.of("codes[]"));
    /** {@code custody:inspect}. */
    public static final Write<InspectRequest> INSPECT =
            new Write<>("custody:inspect", InspectRequest.class, CodeFields.of("codes[]"));
    /** {@code custody:hold}. */
    public static final Write<HoldRequest> HOLD =
            new Write<>("custody:hold", HoldRequest.class, CodeFields.of("codes[]", "batchIds[]"));
    /** {@code custody:release}. */
    public static final Write<ReleaseRequest> RELEASE =
            new Write<>("custody:release", ReleaseRequest.class, CodeFields.NONE);
    /** {@code custody:dispense}. */
    public static final Write<DispenseRequest> DISPENSE =
            new Write<>("custody:dispense", DispenseRequest.class, CodeFields.of("codes[]"));
    /** {@code custody:administer}; the vaccinee travels as transient data. */
    public static final Write<AdministerRequest> ADMINISTER =
            new Write<>("custody:administer", AdministerRequest.class, CodeFields.of("codes[]"));
    /** {@code custody:destroy}. */
    public static final Write<DestroyRequest> DESTROY =
            new Write<>("custody:destroy", DestroyRequest.class, CodeFields.of("codes[]"));
    /** {@code transformation:transform}. */
    public static final Write<TransformRequest> TRANSFORM = new Write<>("transformation:transform",
            TransformRequest.class, CodeFields.of("inputs[].code", "outputs[].batch.id", "outputs[].batch.productId"));
    /** {@code recall:create}. */
    public static final Write<RecallRequest> RECALL =
            new Write<>("recall:create", RecallRequest.class, CodeFields.of("batchIds[]"));
    /** {@code telemetry:registerLogger}. */
    public static final Write<RegisterLoggerRequest> REGISTER_LOGGER =
            new Write<>("telemetry:registerLogger", RegisterLoggerRequest.class, CodeFields.of("loggerId"));
    /** {@code telemetry:revokeLogger}. */
    public static final Write<LoggerRequest> REVOKE_LOGGER =
            new Write<>("telemetry:revokeLogger", LoggerRequest.class, CodeFields.of("loggerId"));
    /** {@code telemetry:associate}. */
    public static final Write<AssociateRequest> ASSOCIATE =
            new Write<>("telemetry:associate", AssociateRequest.class, CodeFields.of("loggerId", "targets[]"));
    /** {@code telemetry:dissociate}. */
    public static final Write<DissociateRequest> DISSOCIATE =
            new Write<>("telemetry:dissociate", DissociateRequest.class, CodeFields.of("loggerId", "targets[]"));
    /** {@code telemetry:anchor}. */
    public static final Write<AnchorRequest> ANCHOR =
            new Write<>("telemetry:anchor", AnchorRequest.class, CodeFields.of("loggerId"));
    /** {@code telemetry:excursion}. */
    public static final Write<ExcursionRequest> EXCURSION =
            new Write<>("telemetry:excursion", ExcursionRequest.class, CodeFields.of("loggerId"));

    /** {@code parameters:set}. */
    public static final Write<SetParameterRequest> SET_PARAMETER =
            new Write<>("parameters:set", SetParameterRequest.class, CodeFields.NONE);

    /** {@code member:register}. */
    public static final Write<MemberRequest> REGISTER_MEMBER =
            new Write<>("member:register", MemberRequest.class, CodeFields.NONE);
    /** {@code member:update}. */
    public static final Write<MemberRequest> UPDATE_MEMBER =
            new Write<>("member:update", MemberRequest.class, CodeFields.NONE);

    private Writes() {
    }
}
