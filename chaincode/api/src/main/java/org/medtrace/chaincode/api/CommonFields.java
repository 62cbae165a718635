// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields every submit request carries besides its own (docs/chaincode-api.md, "Fields every submit request
 * carries").
 *
 * @param clientEventId idempotency key, unique per caller organisation
 * @param eventTime when the physical event happened; null means the transaction timestamp
 * @param eventTimeZoneOffset the local offset of the event, {@code +08:00} by default
 * @param readPoint where the event was observed
 * @param bizLocation where the goods are afterwards
 */
public record CommonFields(String clientEventId, Instant eventTime, String eventTimeZoneOffset, String readPoint,
        String bizLocation) {

    /** The names of the common fields, split off a request before its own fields are read. */
    static final Set<String> NAMES =
            Set.of("clientEventId", "eventTime", "eventTimeZoneOffset", "readPoint", "bizLocation");
    /** China Standard Time, the default offset. */
    public static final String DEFAULT_OFFSET = "+08:00";
    private static final Pattern OFFSET = Pattern.compile("[+-](0[0-9]|1[0-4]):[0-5][0-9]");

    /** Validates and normalises every field. */
    public CommonFields {
        clientEventId = Check.clientEventId("clientEventId", clientEventId);
        if (eventTimeZoneOffset == null) {
            eventTimeZoneOffset = DEFAULT_OFFSET;
        } else if (!OFFSET.matcher(eventTimeZoneOffset).matches()
                || Math.abs(ZoneOffset.of(eventTimeZoneOffset).getTotalSeconds()) > 14 * 3600) {
            throw Check.invalid("eventTimeZoneOffset", "'" + eventTimeZoneOffset
                    + "' is not an offset -14:00..+14:00 such as +08:00");
        }
        readPoint = Check.optionalLocation("readPoint", readPoint);
        bizLocation = Check.optionalLocation("bizLocation", bizLocation);
    }

    /** @return the offset as a {@link ZoneOffset} */
    public ZoneOffset zoneOffset() {
        return ZoneOffset.of(eventTimeZoneOffset);
    }
}
