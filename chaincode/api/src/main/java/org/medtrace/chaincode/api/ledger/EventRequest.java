// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.ledger;

import java.util.regex.Pattern;
import org.medtrace.chaincode.api.Check;

/** The request of {@code ledger:event}. */
public record EventRequest(String eventId) {
    private static final Pattern EVENT_ID = Pattern.compile("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0");

    /** Validates and normalises every field. */
    public EventRequest {
        Check.required("eventId", eventId);
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw Check.invalid("eventId", "is not an event id ni:///sha-256;<64 hex>?ver=CBV2.0");
        }
    }
}
