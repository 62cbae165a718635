// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the TTL tests move by hand, so that expiry is tested without sleeping. */
final class MutableClock implements InstantSource {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));

    @Override
    public Instant instant() {
        return now.get();
    }

    void advance(final Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }
}
