// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.medtrace.chaincode.event.Elements.BizTransactionRef;
import org.medtrace.chaincode.event.Elements.Destination;
import org.medtrace.chaincode.event.Elements.PersistentDisposition;
import org.medtrace.chaincode.event.Elements.Place;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.Elements.Source;

/**
 * A ledger event shaped after GS1 EPCIS 2.0 / CBV 2.0, stored under {@code ("event", eventID)} and sent to the
 * gateway in the transaction's chaincode event. Absent fields are null and left out of the JSON.
 *
 * @param eventID {@code ni:///sha-256;<hex>?ver=CBV2.0}, see {@link EventIds}
 * @param type ObjectEvent, AggregationEvent, TransformationEvent or AssociationEvent
 * @param action ADD, OBSERVE or DELETE
 * @param eventTime when it happened
 * @param eventTimeZoneOffset local offset
 * @param recordTime the transaction timestamp
 * @param epcList codes (ObjectEvent)
 * @param quantityList classes and quantities
 * @param parentID parent (aggregation, association)
 * @param childEPCs children (aggregation, association)
 * @param inputEPCList transformation inputs, by code
 * @param inputQuantityList transformation inputs, by class
 * @param outputEPCList transformation outputs, by code
 * @param outputQuantityList transformation outputs, by class
 * @param transformationID the transformation
 * @param bizStep CBV business step
 * @param disposition CBV disposition
 * @param persistentDisposition persistent disposition changes
 * @param readPoint where it was observed
 * @param bizLocation where the goods are afterwards
 * @param sourceList sources
 * @param destinationList destinations
 * @param bizTransactionList business documents
 * @param ilmd instance/lot master data
 * @param sensorElementList sensor data
 * @param medtrace this project's extension
 */
public record EpcisEvent(String eventID, String type, String action, Instant eventTime, String eventTimeZoneOffset,
        Instant recordTime, List<String> epcList, List<QuantityElement> quantityList, String parentID,
        List<String> childEPCs, List<String> inputEPCList, List<QuantityElement> inputQuantityList,
        List<String> outputEPCList, List<QuantityElement> outputQuantityList, String transformationID,
        String bizStep, String disposition, PersistentDisposition persistentDisposition, Place readPoint,
        Place bizLocation, List<Source> sourceList, List<Destination> destinationList,
        List<BizTransactionRef> bizTransactionList, JsonNode ilmd, JsonNode sensorElementList, Medtrace medtrace) {

    /** @return this event without the fields the event id leaves out (eventID, recordTime, medtrace.txId) */
    EpcisEvent hashable() {
        return new EpcisEvent(null, type, action, eventTime, eventTimeZoneOffset, null, epcList, quantityList,
                parentID, childEPCs, inputEPCList, inputQuantityList, outputEPCList, outputQuantityList,
                transformationID, bizStep, disposition, persistentDisposition, readPoint, bizLocation, sourceList,
                destinationList, bizTransactionList, ilmd, sensorElementList, medtrace.withoutTxId());
    }

    /** @return this event with its id, record time and transaction id */
    EpcisEvent identified(final String id, final Instant recorded, final String txId) {
        Medtrace m = medtrace;
        return new EpcisEvent(id, type, action, eventTime, eventTimeZoneOffset, recorded, epcList, quantityList,
                parentID, childEPCs, inputEPCList, inputQuantityList, outputEPCList, outputQuantityList,
                transformationID, bizStep, disposition, persistentDisposition, readPoint, bizLocation, sourceList,
                destinationList, bizTransactionList, ilmd, sensorElementList,
                new Medtrace(m.transaction(), txId, m.actorMsp(), m.actorRole(), m.clientEventId(), m.productIds(),
                        m.batchIds(), m.shipmentId(), m.recallId(), m.holdId(), m.reason(), m.details()));
    }
}
