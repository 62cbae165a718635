// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.medtrace.chaincode.event.Elements.BizTransactionRef;
import org.medtrace.chaincode.event.Elements.Destination;
import org.medtrace.chaincode.event.Elements.PersistentDisposition;
import org.medtrace.chaincode.event.Elements.Place;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.Elements.Source;

/**
 * An event being written: the transaction fills when, where and who; the rule fills what and why, then calls
 * {@link #record()}, which adds it to the transaction's event log and returns its id.
 *
 * <pre>{@code
 * String eventId = tx.event(EventDraft.OBJECT, "ADD", "commissioning", "active").epcs(codes).record();
 * }</pre>
 */
public final class EventDraft {
    /** EPCIS ObjectEvent. */
    public static final String OBJECT = "ObjectEvent";
    /** EPCIS AggregationEvent. */
    public static final String AGGREGATION = "AggregationEvent";
    /** EPCIS TransformationEvent. */
    public static final String TRANSFORMATION = "TransformationEvent";
    /** EPCIS AssociationEvent. */
    public static final String ASSOCIATION = "AssociationEvent";

    private final EventLog log;
    private final String type;
    private final String action;
    private final String bizStep;
    private final String disposition;
    private final Instant eventTime;
    private final String offset;
    private final Place readPoint;
    private Place bizLocation;
    private final String transaction;
    private final String actorMsp;
    private final String actorRole;
    private final String clientEventId;
    private List<String> epcList;
    private List<QuantityElement> quantityList;
    private String parentId;
    private List<String> childEpcs;
    private List<String> inputEpcList;
    private List<QuantityElement> inputQuantityList;
    private List<String> outputEpcList;
    private List<QuantityElement> outputQuantityList;
    private String transformationId;
    private PersistentDisposition persistentDisposition;
    private List<Source> sourceList;
    private List<Destination> destinationList;
    private List<BizTransactionRef> bizTransactionList;
    private JsonNode ilmd;
    private JsonNode sensorElementList;
    private List<String> productIds;
    private List<String> batchIds;
    private String shipmentId;
    private String recallId;
    private String holdId;
    private String reason;
    private JsonNode details;

    /** The context every event of one transaction shares. */
    public record Context(Instant eventTime, String offset, String readPoint, String bizLocation, String transaction,
            String actorMsp, String actorRole, String clientEventId) {
    }

    EventDraft(final EventLog log, final Context context, final String type, final String action,
            final String bizStep, final String disposition) {
        this.log = log;
        this.type = type;
        this.action = action;
        this.bizStep = bizStep;
        this.disposition = disposition;
        this.eventTime = context.eventTime();
        this.offset = context.offset();
        this.readPoint = context.readPoint() == null ? null : new Place(context.readPoint());
        this.bizLocation = context.bizLocation() == null ? null : new Place(context.bizLocation());
        this.transaction = context.transaction();
        this.actorMsp = context.actorMsp();
        this.actorRole = context.actorRole();
        this.clientEventId = context.clientEventId();
    }

    /** @return this, with the codes the event is about */
    public EventDraft epcs(final List<String> codes) {
        this.epcList = List.copyOf(codes);
        return this;
    }

    /** @return this, with the classes and quantities the event is about */
    public EventDraft quantities(final List<QuantityElement> quantities) {
        this.quantityList = List.copyOf(quantities);
        return this;
    }

    /** @return this, with the parent and children (aggregation, association) */
    public EventDraft parent(final String parent, final List<String> children) {
        this.parentId = parent;
        this.childEpcs = List.copyOf(children);
        return this;
    }

    /** @return this, with transformation inputs and outputs */
    public EventDraft transformation(final String id, final List<String> inputCodes,
            final List<QuantityElement> inputs, final List<QuantityElement> outputs) {
        this.transformationId = id;
        this.inputEpcList = List.copyOf(inputCodes);
        this.inputQuantityList = List.copyOf(inputs);
        this.outputEpcList = List.of();
        this.outputQuantityList = List.copyOf(outputs);
        return this;
    }

    /** @return this, setting persistent dispositions */
    public EventDraft persistentlySet(final String... dispositions) {
        this.persistentDisposition = new PersistentDisposition(List.of(dispositions), null);
        return this;
    }

    /** @return this, shipped from one owning party to another */
    public EventDraft parties(final String from, final String to) {
        this.sourceList = List.of(new Source("owning_party", from));
        this.destinationList = List.of(new Destination("owning_party", to));
        return this;
    }

    /** @return this, with the business location the goods are in afterwards (overrides the request's) */
    public EventDraft bizLocation(final String id) {
        this.bizLocation = id == null ? null : new Place(id);
        return this;
    }

    /** @return this, with business documents */
    public EventDraft bizTransactions(final List<BizTransactionRef> documents) {
        this.bizTransactionList = documents == null || documents.isEmpty() ? null : List.copyOf(documents);
        return this;
    }

    /** @return this, with instance/lot master data */
    public EventDraft ilmd(final JsonNode value) {
        this.ilmd = value;
        return this;
    }

    /** @return this, with sensor data */
    public EventDraft sensorElements(final JsonNode value) {
        this.sensorElementList = value;
        return this;
    }

    /** @return this, naming the products and batches involved (sorted, without repeats) */
    public EventDraft classes(final Collection<String> products, final Collection<String> batches) {
        this.productIds = products.isEmpty() ? null : List.copyOf(new TreeSet<>(products));
        this.batchIds = batches.isEmpty() ? null : List.copyOf(new TreeSet<>(batches));
        return this;
    }

    /** @return this, naming the shipment */
    public EventDraft shipment(final String id) {
        this.shipmentId = id;
        return this;
    }

    /** @return this, naming the recall */
    public EventDraft recall(final String id) {
        this.recallId = id;
        return this;
    }

    /** @return this, naming the hold */
    public EventDraft hold(final String id) {
        this.holdId = id;
        return this;
    }

    /** @return this, with the reason given */
    public EventDraft reason(final String value) {
        this.reason = value;
        return this;
    }

    /** @return this, with transaction-specific details */
    public EventDraft details(final JsonNode value) {
        this.details = value;
        return this;
    }

    /**
     * Adds the event to the transaction's log.
     *
     * @return its id
     */
    public String record() {
        EpcisEvent event = new EpcisEvent(null, type, action, eventTime, offset, null, epcList, quantityList,
                parentId, childEpcs, inputEpcList, inputQuantityList, outputEpcList, outputQuantityList,
                transformationId, bizStep, disposition, persistentDisposition, readPoint, bizLocation, sourceList,
                destinationList, bizTransactionList, ilmd, sensorElementList,
                new Medtrace(transaction, null, actorMsp, actorRole, clientEventId, productIds, batchIds,
                        shipmentId, recallId, holdId, reason, details));
        return log.add(event);
    }
}
