// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a handle value may be cached: relative (seconds after it was fetched, the usual case) or, rarely, an
 * absolute expiry time. In Handle.Net REST JSON a relative TTL is a number and an absolute one an ISO-8601 string.
 */
public sealed interface Ttl permits Ttl.Relative, Ttl.Absolute {
    /** The Handle default: one day. */
    Ttl DEFAULT = new Relative(86_400);

    /**
     * @param fetchedAt when the value was fetched
     * @return until when the value may be served from a cache
     */
    Instant expiresAt(Instant fetchedAt);

    /**
     * @param seconds seconds after fetching, 0 meaning "do not cache"
     * @return the TTL
     * @throws IllegalArgumentException if {@code seconds} is negative
     */
    static Ttl seconds(final long seconds) {
        return new Relative(seconds);
    }

    /**
     * A TTL relative to the time of fetching.
     *
     * @param seconds 0 or more; 0 means the value must not be cached
     */
    record Relative(long seconds) implements Ttl {
        /** @throws IllegalArgumentException if {@code seconds} is negative or beyond a signed 32-bit integer */
        public Relative {
            if (seconds < 0 || seconds > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("ttl must be 0 to " + Integer.MAX_VALUE + " seconds, got " + seconds);
            }
        }

        @Override
        public Instant expiresAt(final Instant fetchedAt) {
            return fetchedAt.plus(Duration.ofSeconds(seconds));
        }
    }

    /**
     * An absolute expiry time.
     *
     * @param expiry when the value expires
     */
    record Absolute(Instant expiry) implements Ttl {
        /** @throws NullPointerException if {@code expiry} is null */
        public Absolute {
            Objects.requireNonNull(expiry, "expiry");
        }

        @Override
        public Instant expiresAt(final Instant fetchedAt) {
            return expiry;
        }
    }
}
