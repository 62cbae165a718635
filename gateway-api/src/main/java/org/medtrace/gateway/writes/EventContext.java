// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.writes;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields every write request may carry besides its own (docs/chaincode-api.md, "Fields every submit request
 * carries"): documented here for the OpenAPI description; the chaincode API's {@code CommonFields} checks them. The
 * idempotency key travels in the {@code Idempotency-Key} header, never in the body.
 *
 * @param eventTime when the physical event happened (ISO-8601 with offset); default: the ledger transaction's time
 * @param eventTimeZoneOffset the event's local offset, {@code +08:00} by default
 * @param readPoint where the event was observed (identifier or URI)
 * @param bizLocation where the goods are afterwards (identifier or URI)
 */
@Schema(name = "EventContext", description = "Fields every write may carry besides its own")
public record EventContext(
        @Schema(description = "When the physical event happened; default: the ledger transaction's time",
                example = "2026-11-23T12:00:00.000+08:00") Instant eventTime,
        @Schema(description = "The event's local offset", example = "+08:00", defaultValue = "+08:00")
        String eventTimeZoneOffset,
        @Schema(description = "Where the event was observed: an identifier or a URI") String readPoint,
        @Schema(description = "Where the goods are afterwards: an identifier or a URI") String bizLocation) {
}
