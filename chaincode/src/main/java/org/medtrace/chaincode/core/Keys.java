// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import java.time.Instant;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Json;

/**
 * The world-state keys (docs/chaincode-api.md, "Records"): composite keys, so that types never collide and range
 * queries stay within one type.
 */
public final class Keys {
    /** Key type of products. */
    public static final String PRODUCT = "product";
    /** Key type of batches. */
    public static final String BATCH = "batch";
    /** Key type of the (product, batch number) index. */
    public static final String BATCH_NUMBER = "batchNumber";
    /** Key type of units and containers. */
    public static final String UNIT = "unit";
    /** Key type of live packing edges. */
    public static final String AGGREGATION = "aggregation";
    /** Key type of the reverse of live packing edges. */
    public static final String CONTAINED_IN = "containedIn";
    /** Key type of shipments. */
    public static final String SHIPMENT = "shipment";
    /** Key type of holds. */
    public static final String HOLD = "hold";
    /** Key type of recalls. */
    public static final String RECALL = "recall";
    /** Key type of loggers. */
    public static final String LOGGER = "logger";
    /** Key type of logger-to-goods edges. */
    public static final String ASSOCIATION = "association";
    /** Key type of goods-to-logger edges. */
    public static final String ASSOCIATED_LOGGER = "associatedLogger";
    /** Key type of telemetry anchors. */
    public static final String ANCHOR = "anchor";
    /** Key type of excursions. */
    public static final String EXCURSION = "excursion";
    /** Key type of transformations. */
    public static final String TRANSFORMATION = "transformation";
    /** Key type of ledger events. */
    public static final String EVENT = "event";
    /** Key type of idempotency records. */
    public static final String CLIENT_EVENT = "clientEvent";
    /** Key type of member registry entries, by MSP id. */
    public static final String MEMBER = "member";
    /** Key type of ledger parameters. */
    public static final String PARAMETER = "parameter";

    private static final char SEPARATOR = '\u0000';
    /** U+10FFFF, which Fabric reserves as the end of composite-key ranges. */
    static final String MAX_CODE_POINT = Check.KEY_RESERVED;

    private Keys() {
    }

    /**
     * Builds the composite key of {@code type} and {@code attributes}, equal to the shim's
     * {@code new CompositeKey(type, attributes).toString()} but without compiling a regular expression per segment
     * (the shim's validation), which dominated bulk commissioning.
     *
     * @return {@code U+0000 type U+0000 (attribute U+0000)*}
     * @throws IllegalArgumentException if a segment holds U+0000 or U+10FFFF (request validation keeps them out)
     */
    public static String of(final String type, final String... attributes) {
        StringBuilder key = new StringBuilder(64).append(SEPARATOR).append(segment(type)).append(SEPARATOR);
        for (String attribute : attributes) {
            key.append(segment(attribute)).append(SEPARATOR);
        }
        return key.toString();
    }

    private static String segment(final String segment) {
        if (segment.indexOf(SEPARATOR) >= 0 || segment.contains(MAX_CODE_POINT)) {
            throw new IllegalArgumentException("a composite key segment holds U+0000 or U+10FFFF: " + segment);
        }
        return segment;
    }

    /** @return the key of an anchor, which sorts a logger's anchors by window end */
    public static String anchor(final String logger, final Instant windowEnd) {
        return of(ANCHOR, logger, Json.instant(windowEnd));
    }
}
