// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.event;

import java.math.BigDecimal;
import java.util.List;

/** The small EPCIS 2.0 structures events are made of. */
public final class Elements {
    private Elements() {
    }

    /**
     * A quantity of a class (EPCIS QuantityElement).
     *
     * @param epcClass the class: a batch or product identifier
     * @param quantity how much; absent for "the class as such"
     * @param uom UN/ECE Rec 20 unit
     */
    public record QuantityElement(String epcClass, BigDecimal quantity, String uom) {
    }

    /**
     * A read point or business location.
     *
     * @param id identifier or URI
     */
    public record Place(String id) {
    }

    /**
     * A source of a shipment.
     *
     * @param type owning_party, possessing_party or location
     * @param source the party or location
     */
    public record Source(String type, String source) {
    }

    /**
     * A destination of a shipment.
     *
     * @param type owning_party, possessing_party or location
     * @param destination the party or location
     */
    public record Destination(String type, String destination) {
    }

    /**
     * A business document.
     *
     * @param type CBV type
     * @param bizTransaction the document's id
     */
    public record BizTransactionRef(String type, String bizTransaction) {
    }

    /**
     * A persistent disposition change.
     *
     * @param set dispositions set
     * @param unset dispositions unset
     */
    public record PersistentDisposition(List<String> set, List<String> unset) {
    }
}
