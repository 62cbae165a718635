// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.ValueFilter;

/**
 * Resolves any handle recursively, the way IDIS and Handle.Net do: the prefix's naming-authority handle
 * {@code 0.NA/<prefix>} at the configured top-level node (following prefix and service referrals), the responsible
 * node from its HS_SITE / HS_SERV values (resolving service handles as needed), then the record there.
 *
 * <p>Answers are cached per handle until the shortest TTL of their values (capped by {@link Builder#ttlMax}); "does
 * not exist" answers for {@link Builder#negativeTtl}. Each request has {@link Builder#requestTimeout}, each whole
 * resolution {@link Builder#resolutionTimeout}; failed requests are retried {@link Builder#attemptsMax} times per
 * endpoint with exponential backoff. Concurrent resolutions of the same uncached handle share one fetch.
 *
 * <pre>{@code
 * HandleResolver resolver = HandleResolver.builder(URI.create("http://127.0.0.1:8000"))
 *         .requestTimeout(Duration.ofSeconds(2))
 *         .build();
 * Resolution resolution = resolver.resolve(Identifier.parse("88.118.8866/81234560000012345678"));
 * resolution.record().valuesOfType("URL");
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface HandleResolver {
    /**
     * @param handle any handle
     * @param filter the values to return; the whole record is fetched and cached either way
     * @return the record with the selected values, and where it came from
     * @throws HandleNotFoundException if the responsible node says the handle does not exist
     * @throws PrefixNotFoundException if the prefix is not registered
     * @throws NodeUnavailableException if a node on the way did not answer within the retries
     * @throws MalformedResponseException if a node on the way answered with something invalid
     * @throws ReferralLoopException if referrals went round in a circle or too deep
     * @throws NoUsableServiceException if no configured protocol can reach the responsible node
     * @throws HandleServerException if a node refused the request with another Handle code
     * @throws ResolutionTimeoutException if the whole resolution took longer than its deadline
     * @throws ResolutionException for any of these
     * @throws InterruptedException if the thread was interrupted
     */
    Resolution resolve(Identifier handle, ValueFilter filter) throws ResolutionException, InterruptedException;

    /**
     * Equivalent to {@code resolve(handle, ValueFilter.all())}.
     *
     * @param handle any handle
     * @return the whole record and where it came from
     * @throws ResolutionException as {@link #resolve(Identifier, ValueFilter)}
     * @throws InterruptedException if the thread was interrupted
     */
    default Resolution resolve(final Identifier handle) throws ResolutionException, InterruptedException {
        return resolve(handle, ValueFilter.all());
    }

    /**
     * Drops a handle from the cache, for example after the local node changed it.
     *
     * @param handle the handle
     */
    void invalidate(Identifier handle);

    /**
     * @param topLevelNode the root URI of the top-level node's REST API (without {@code /api/handles})
     * @return a builder with the defaults listed on its methods
     */
    static Builder builder(final URI topLevelNode) {
        return new Builder(topLevelNode);
    }

    /** Settings of a resolver; every limit is explicit. */
    final class Builder {
        final URI topLevelNode;
        final List<NodeProtocol> protocols = new ArrayList<>();
        Duration connectTimeout = Duration.ofSeconds(2);
        Duration requestTimeout = Duration.ofSeconds(2);
        Duration resolutionTimeout = Duration.ofSeconds(10);
        int attemptsMax = 3;
        Duration backoffInitial = Duration.ofMillis(50);
        Duration backoffMax = Duration.ofSeconds(1);
        int stepsMax = 16;
        long cacheEntriesMax = 100_000;
        Duration ttlMax = Duration.ofDays(1);
        Duration negativeTtl = Duration.ofMinutes(1);
        InstantSource clock = InstantSource.system();
        Predicate<URI> endpointFilter = uri -> true;

        private Builder(final URI topLevelNode) {
            this.topLevelNode = Objects.requireNonNull(topLevelNode, "topLevelNode");
        }

        /**
         * Adds a protocol; protocols are asked in the order added, the first that supports an endpoint serves it.
         * Without any, the resolver uses {@link HandleRestProtocol} on its own {@link HttpClient}.
         *
         * @param protocol a protocol
         * @return this builder
         */
        public Builder protocol(final NodeProtocol protocol) {
            protocols.add(Objects.requireNonNull(protocol, "protocol"));
            return this;
        }

        /**
         * @param timeout TCP connect timeout of the default HTTP client; default 2 s
         * @return this builder
         */
        public Builder connectTimeout(final Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout longest wait for one node's answer; default 2 s
         * @return this builder
         */
        public Builder requestTimeout(final Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * @param timeout longest time for one whole resolution, retries and hops included; default 10 s
         * @return this builder
         */
        public Builder resolutionTimeout(final Duration timeout) {
            this.resolutionTimeout = positive(timeout, "resolutionTimeout");
            return this;
        }

        /**
         * @param attempts requests per endpoint before trying the next one, 1 or more; default 3
         * @param initial wait before the second attempt, doubled each time; default 50 ms
         * @param max longest wait between attempts; default 1 s
         * @return this builder
         */
        public Builder retries(final int attempts, final Duration initial, final Duration max) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be 1 or more");
            }
            this.attemptsMax = attempts;
            this.backoffInitial = Objects.requireNonNull(initial, "initial");
            this.backoffMax = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * @param steps most lookups and referral hops in one resolution; default 16
         * @return this builder
         */
        public Builder stepsMax(final int steps) {
            if (steps < 2) {
                throw new IllegalArgumentException("stepsMax must be 2 or more");
            }
            this.stepsMax = steps;
            return this;
        }

        /**
         * @param entries most cached records and negative answers; 0 disables caching; default 100,000
         * @return this builder
         */
        public Builder cacheEntriesMax(final long entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("cacheEntriesMax must not be negative");
            }
            this.cacheEntriesMax = entries;
            return this;
        }

        /**
         * @param max longest a record is cached whatever its TTLs say; default 1 day
         * @return this builder
         */
        public Builder ttlMax(final Duration max) {
            this.ttlMax = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * @param ttl how long "does not exist" is remembered; zero disables negative caching; default 1 min
         * @return this builder
         */
        public Builder negativeTtl(final Duration ttl) {
            this.negativeTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * @param source the clock TTLs are measured with; default the system clock
         * @return this builder
         */
        public Builder clock(final InstantSource source) {
            this.clock = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param filter which node URIs taken from records may be contacted (for example to keep a public gateway
         *     from being pointed at internal addresses); default all
         * @return this builder
         */
        public Builder endpointFilter(final Predicate<URI> filter) {
            this.endpointFilter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** @return the resolver */
        public HandleResolver build() {
            List<NodeProtocol> chosen = new ArrayList<>(protocols);
            if (chosen.isEmpty()) {
                chosen.add(HandleRestProtocol.create(HttpClient.newBuilder().connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER).build()));
            }
            return new RecursiveHandleResolver(this, List.copyOf(chosen));
        }

        private static Duration positive(final Duration duration, final String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
