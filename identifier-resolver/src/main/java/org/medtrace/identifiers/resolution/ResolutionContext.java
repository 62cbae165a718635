// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medtrace.identifiers.Identifier;

/** The state of one resolution: its deadline and the path of lookups and hops, to stop loops. */
final class ResolutionContext {
    private final Identifier requested;
    private final long deadlineNanos;
    private final int hopsMax;
    private final Set<String> visited = new HashSet<>();
    private final List<String> path = new ArrayList<>();

    ResolutionContext(final Identifier requested, final Duration timeout, final int hopsMax) {
        this.requested = requested;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.hopsMax = hopsMax;
    }

    Identifier requested() {
        return requested;
    }

    /** Records one step (a lookup or a request to a set of endpoints) and fails on a repeat or too many steps. */
    void step(final String description) throws ReferralLoopException {
        path.add(description);
        if (!visited.add(description)) {
            throw new ReferralLoopException(requested, "resolution of " + requested + " went round in a loop: "
                    + String.join(" -> ", path));
        }
        if (path.size() > hopsMax) {
            throw new ReferralLoopException(requested, "resolution of " + requested + " needed more than " + hopsMax
                    + " steps: " + String.join(" -> ", path));
        }
    }

    /** @return time left before the deadline; zero or negative once it has passed */
    Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }
}
