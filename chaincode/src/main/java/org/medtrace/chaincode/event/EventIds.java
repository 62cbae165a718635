// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.event;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.medtrace.chaincode.api.Json;

/**
 * The deterministic event id: {@code ni:///sha-256;} + hex SHA-256 of the event's canonical JSON (sorted keys,
 * without eventID, recordTime and medtrace.txId) + {@code ?ver=CBV2.0}. Every endorser computes the same id. It is
 * this project's canonicalisation, not the CBV 2.0 event-hash algorithm.
 */
public final class EventIds {
    private static final String PREFIX = "ni:///sha-256;";
    private static final String SUFFIX = "?ver=CBV2.0";

    private EventIds() {
    }

    /**
     * @param event an event (its eventID, recordTime and medtrace.txId are ignored)
     * @return its id
     */
    public static String of(final EpcisEvent event) {
        return PREFIX + sha256Hex(Json.bytes(event.hashable())) + SUFFIX;
    }

    /** @return the lower-case hex SHA-256 of {@code bytes} */
    public static String sha256Hex(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
