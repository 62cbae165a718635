// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.ledger;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code ledger:history}. */
public record HistoryRequest(String type, String id, Integer limit) {
    /** The record type of aggregation edges, whose id is {@code parent|child}. */
    public static final String AGGREGATION = "aggregation";
    /** Record types whose id is an identifier. */
    private static final List<String> IDENTIFIED = List.of("product", "batch", "unit", "logger");
    /** Record types whose id is a reference id. */
    private static final List<String> REFERENCED = List.of("shipment", "recall", "hold", "excursion",
            "transformation");
    private static final List<String> TYPES = List.of("product", "batch", "unit", "logger", "shipment", "recall",
            "hold", "excursion", "transformation", AGGREGATION, "member");

    /** Validates and normalises every field. */
    public HistoryRequest {
        Check.oneOf("type", type, TYPES);
        Check.required("id", id);
        if (IDENTIFIED.contains(type)) {
            id = Check.identifier("id", id);
        } else if (REFERENCED.contains(type)) {
            id = Check.reference("id", id);
        } else if ("member".equals(type)) {
            id = Check.msp("id", id);
        } else {
            int bar = id.indexOf('|');
            if (bar < 0) {
                throw Check.invalid("id", "an aggregation edge is named 'parent|child'");
            }
            id = Check.identifier("id", id.substring(0, bar)) + "|" + Check.identifier("id", id.substring(bar + 1));
        }
        limit = limit == null ? Limits.HISTORY_ENTRIES_MAX : Check.range("limit", limit, 1, Limits.HISTORY_ENTRIES_MAX);
    }
}
