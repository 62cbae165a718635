// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;

/**
 * A bounded cache of records and of "not found" answers, each entry expiring at its own time: a record when its
 * shortest-lived value expires (capped), a negative answer after the configured negative TTL. Built on Caffeine,
 * driven by the resolver's clock so that expiry can be tested without sleeping.
 */
final class ResolutionCache {
    /** A cached answer. */
    sealed interface Entry permits Found, Missing {
        Instant expiresAt();
    }

    /** A record, as fetched (unfiltered). */
    record Found(HandleRecord record, NodeEndpoint node, Instant fetchedAt, Instant expiresAt) implements Entry {
    }

    /** A "does not exist" answer: the handle, or the prefix when {@code prefixMissing}. */
    record Missing(String message, boolean prefixMissing, Instant expiresAt) implements Entry {
    }

    private final Cache<Identifier, Entry> cache;
    private final InstantSource clock;
    private final Duration ttlMax;
    private final Duration negativeTtl;

    ResolutionCache(final long entriesMax, final Duration ttlMax, final Duration negativeTtl,
            final InstantSource clock) {
        this.clock = clock;
        this.ttlMax = ttlMax;
        this.negativeTtl = negativeTtl;
        this.cache = Caffeine.newBuilder()
                .maximumSize(entriesMax)
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run)
                .expireAfter(new Expiry<Identifier, Entry>() {
                    @Override
                    public long expireAfterCreate(final Identifier key, final Entry entry, final long now) {
                        return Math.max(0, nanos(entry.expiresAt()) - now);
                    }

                    @Override
                    public long expireAfterUpdate(final Identifier key, final Entry entry, final long now,
                            final long current) {
                        return expireAfterCreate(key, entry, now);
                    }

                    @Override
                    public long expireAfterRead(final Identifier key, final Entry entry, final long now,
                            final long current) {
                        return current;
                    }
                })
                .build();
    }

    private static long nanos(final Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    Entry get(final Identifier handle) {
        Entry entry = cache.getIfPresent(handle);
        // Caffeine drops expired entries lazily; never serve one past its time.
        return entry != null && clock.instant().isBefore(entry.expiresAt()) ? entry : null;
    }

    /** Caches a record until its shortest TTL (at most ttlMax); a record with a TTL-0 value is not cached. */
    Found putFound(final HandleRecord record, final NodeEndpoint node, final Instant fetchedAt) {
        Instant cap = fetchedAt.plus(ttlMax);
        Instant expiry = record.expiresAt(fetchedAt);
        Found found = new Found(record, node, fetchedAt, expiry.isAfter(cap) ? cap : expiry);
        if (found.expiresAt().isAfter(fetchedAt)) {
            cache.put(record.handle(), found);
        }
        return found;
    }

    Missing putMissing(final Identifier handle, final String message, final boolean prefixMissing) {
        Missing missing = new Missing(message, prefixMissing, clock.instant().plus(negativeTtl));
        if (!negativeTtl.isZero()) {
            cache.put(handle, missing);
        }
        return missing;
    }

    void invalidate(final Identifier handle) {
        cache.invalidate(handle);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
