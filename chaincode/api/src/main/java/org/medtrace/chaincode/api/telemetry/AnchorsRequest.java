// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.telemetry;

import java.time.Instant;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code telemetry:anchors}: the anchors whose window overlaps [from, to). */
public record AnchorsRequest(String loggerId, Instant from, Instant to, Integer pageSize, String bookmark) {
    /** Validates and normalises every field. */
    public AnchorsRequest {
        loggerId = Check.identifier("loggerId", loggerId);
        if (from != null && to != null && !to.isAfter(from)) {
            throw Check.invalid("to", "is not after from");
        }
        pageSize = pageSize == null ? Limits.PAGE_SIZE_DEFAULT
                : Check.range("pageSize", pageSize, 1, Limits.PAGE_SIZE_MAX);
        bookmark = Check.bookmark("bookmark", bookmark);
    }
}
