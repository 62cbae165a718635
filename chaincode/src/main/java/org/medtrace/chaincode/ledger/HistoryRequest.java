// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.ledger;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code ledger:history}. */
record HistoryRequest(String type, String id, Integer limit) {
    /** Record types whose id is an identifier. */
    private static final List<String> IDENTIFIED = List.of(Keys.PRODUCT, Keys.BATCH, Keys.UNIT, Keys.LOGGER);
    /** Record types whose id is a reference id. */
    private static final List<String> REFERENCED = List.of(Keys.SHIPMENT, Keys.RECALL, Keys.HOLD, Keys.EXCURSION,
            Keys.TRANSFORMATION);
    private static final List<String> TYPES = List.of(Keys.PRODUCT, Keys.BATCH, Keys.UNIT, Keys.LOGGER,
            Keys.SHIPMENT, Keys.RECALL, Keys.HOLD, Keys.EXCURSION, Keys.TRANSFORMATION, Keys.AGGREGATION);

    HistoryRequest {
        Check.oneOf("type", type, TYPES);
        Check.required("id", id);
        if (IDENTIFIED.contains(type)) {
            id = Check.identifier("id", id);
        } else if (REFERENCED.contains(type)) {
            id = Check.reference("id", id);
        } else {
            int bar = id.indexOf('|');
            if (bar < 0) {
                throw Check.invalid("id", "an aggregation edge is named 'parent|child'");
            }
            id = Check.identifier("id", id.substring(0, bar)) + "|" + Check.identifier("id", id.substring(bar + 1));
        }
        limit = limit == null ? Limits.HISTORY_ENTRIES_MAX : Check.range("limit", limit, 1, Limits.HISTORY_ENTRIES_MAX);
    }

    /** @return the composite key of the record */
    String key() {
        if (type.equals(Keys.AGGREGATION)) {
            int bar = id.indexOf('|');
            return Keys.of(type, id.substring(0, bar), id.substring(bar + 1));
        }
        return Keys.of(type, id);
    }
}
