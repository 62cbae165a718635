// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creators whose certificate chain was validated, by their serialized identity bytes, so the parse and the chain
 * check run once per identity rather than three times per transaction. Bounded (least recently used out first), and
 * an entry is good only within its certificate's validity period: an expired certificate falls out on its next use
 * and is validated again, which refuses it. Signatures are never cached.
 */
final class IdentityCache {
    private final int entriesMax;
    private final Clock clock;
    private final Map<ByteString, Entry> entries;

    IdentityCache(final int entriesMax, final Clock clock) {
        if (entriesMax < 1) {
            throw new IllegalArgumentException("entriesMax must be positive: " + entriesMax);
        }
        this.entriesMax = entriesMax;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<ByteString, Entry> eldest) {
                return size() > IdentityCache.this.entriesMax;
            }
        };
    }

    /** The cached creator, or null if there is none or its certificate is not valid now (then it is dropped). */
    synchronized Creator get(final ByteString serializedIdentity) {
        final Entry entry = entries.get(serializedIdentity);
        if (entry == null) {
            return null;
        }
        final Instant now = clock.instant();
        if (now.isBefore(entry.notBefore) || now.isAfter(entry.notAfter)) {
            entries.remove(serializedIdentity);
            return null;
        }
        return entry.creator;
    }

    /** Remembers a creator whose certificate was just validated. */
    synchronized void put(final ByteString serializedIdentity, final Creator creator) {
        entries.put(serializedIdentity, new Entry(creator));
        assert entries.size() <= entriesMax;
    }

    synchronized int size() {
        return entries.size();
    }

    private static final class Entry {
        final Creator creator;
        final Instant notBefore;
        final Instant notAfter;

        Entry(final Creator creator) {
            this.creator = creator;
            this.notBefore = creator.certificate().getNotBefore().toInstant();
            this.notAfter = creator.certificate().getNotAfter().toInstant();
        }
    }
}
