// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleResponse;
import org.medtrace.identifiers.handle.HandleResponseCode;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.NamingAuthorities;
import org.medtrace.identifiers.handle.ValueFilter;

/** The recursive resolver behind {@link HandleResolver#builder}. */
final class RecursiveHandleResolver implements HandleResolver {
    private static final Logger LOG = Logger.getLogger(RecursiveHandleResolver.class.getName());

    private final NodeEndpoint topLevel;
    private final List<NodeProtocol> protocols;
    private final ResolutionCache cache;
    private final ConcurrentHashMap<Identifier, CompletableFuture<ResolutionCache.Found>> inFlight =
            new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final Duration requestTimeout;
    private final Duration resolutionTimeout;
    private final int attemptsMax;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final int stepsMax;
    private final Predicate<URI> endpointFilter;

    private record Answer(HandleResponse response, NodeEndpoint endpoint) {
    }

    RecursiveHandleResolver(final HandleResolver.Builder settings, final List<NodeProtocol> protocols) {
        this.topLevel = NodeEndpoint.ofUri(settings.topLevelNode);
        this.protocols = protocols;
        this.clock = settings.clock;
        this.cache = new ResolutionCache(settings.cacheEntriesMax, settings.ttlMax, settings.negativeTtl, clock);
        this.requestTimeout = settings.requestTimeout;
        this.resolutionTimeout = settings.resolutionTimeout;
        this.attemptsMax = settings.attemptsMax;
        this.backoffInitial = settings.backoffInitial;
        this.backoffMax = settings.backoffMax;
        this.stepsMax = settings.stepsMax;
        this.endpointFilter = settings.endpointFilter;
        if (protocolFor(topLevel).isEmpty()) {
            throw new IllegalArgumentException("no configured protocol can reach the top-level node " + topLevel);
        }
    }

    @Override
    public Resolution resolve(final Identifier handle, final ValueFilter filter)
            throws ResolutionException, InterruptedException {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(filter, "filter");
        ResolutionCache.Entry cached = cache.get(handle);
        if (cached instanceof ResolutionCache.Found found) {
            return new Resolution(found.record().filter(filter), found.node(), true, found.fetchedAt());
        }
        if (cached instanceof ResolutionCache.Missing missing) {
            throw missing(handle, handle, missing);
        }
        ResolutionCache.Found found = fetchShared(handle);
        return new Resolution(found.record().filter(filter), found.node(), false, found.fetchedAt());
    }

    /** @return the number of cached entries, after pending evictions ran */
    long cacheSize() {
        return cache.size();
    }

    @Override
    public void invalidate(final Identifier handle) {
        cache.invalidate(Objects.requireNonNull(handle, "handle"));
    }

    /** One fetch per handle at a time; concurrent callers wait for it instead of asking the nodes again. */
    private ResolutionCache.Found fetchShared(final Identifier handle)
            throws ResolutionException, InterruptedException {
        CompletableFuture<ResolutionCache.Found> mine = new CompletableFuture<>();
        CompletableFuture<ResolutionCache.Found> running = inFlight.putIfAbsent(handle, mine);
        if (running != null) {
            return await(running, handle);
        }
        try {
            ResolutionCache.Found found = lookup(handle, new ResolutionContext(handle, resolutionTimeout, stepsMax));
            mine.complete(found);
            return found;
        } catch (ResolutionException | InterruptedException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(handle, mine);
        }
    }

    private ResolutionCache.Found await(final CompletableFuture<ResolutionCache.Found> running,
            final Identifier handle) throws ResolutionException, InterruptedException {
        try {
            return running.get(resolutionTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ResolutionTimeoutException(handle, "waited " + resolutionTimeout.toMillis()
                    + " ms for a concurrent resolution of " + handle, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResolutionException cause) {
                throw cause;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            // The thread that fetched was interrupted, not this one: fetch without sharing.
            return lookup(handle, new ResolutionContext(handle, resolutionTimeout, stepsMax));
        }
    }

    /** The record of any handle, from the cache or the responsible node; used for inner lookups too. */
    private ResolutionCache.Found lookup(final Identifier handle, final ResolutionContext context)
            throws ResolutionException, InterruptedException {
        ResolutionCache.Entry cached = cache.get(handle);
        if (cached instanceof ResolutionCache.Found found) {
            return found;
        }
        if (cached instanceof ResolutionCache.Missing missing) {
            throw missing(context.requested(), handle, missing);
        }
        context.step("lookup " + handle);
        List<NodeEndpoint> endpoints = NamingAuthorities.isNamingAuthority(handle)
                ? List.of(topLevel) : endpointsForPrefix(handle.prefix(), context);
        return fetch(handle, endpoints, context);
    }

    private List<NodeEndpoint> endpointsForPrefix(final String prefix, final ResolutionContext context)
            throws ResolutionException, InterruptedException {
        ResolutionCache.Found naRecord = lookup(NamingAuthorities.handleOf(prefix), context);
        return services(naRecord.record().values(), naRecord.record().handle(), false, context);
    }

    /**
     * Endpoints from HS_SITE values, else from HS_SERV values (URLs or service handles). A referral also counts
     * their .PREFIX forms, which name the site for derived prefixes; a naming-authority record's own prefix is
     * served by its HS_SITE / HS_SERV only.
     */
    private List<NodeEndpoint> services(final List<HandleValue> values, final Identifier source,
            final boolean referral, final ResolutionContext context) throws ResolutionException, InterruptedException {
        String site = referral ? HandleTypes.HS_SITE + "." : HandleTypes.HS_SITE;
        String service = referral ? HandleTypes.HS_SERV + "." : HandleTypes.HS_SERV;
        List<String> skipped = new ArrayList<>();
        List<NodeEndpoint> endpoints = new ArrayList<>();
        for (HandleValue value : values) {
            if (ValueFilter.typeMatches(site, value.type())) {
                endpoints.addAll(ServiceReferences.fromSite(value, skipped));
            }
        }
        for (HandleValue value : values) {
            if (endpoints.isEmpty() && ValueFilter.typeMatches(service, value.type())) {
                endpoints.addAll(fromService(value, skipped, context));
            }
        }
        List<NodeEndpoint> usable = new ArrayList<>();
        for (NodeEndpoint endpoint : endpoints) {
            if (!endpointFilter.test(endpoint.baseUri())) {
                skipped.add(endpoint + " is excluded by the endpoint filter");
            } else if (protocolFor(endpoint).isEmpty()) {
                skipped.add(endpoint + " (" + endpoint.interfaceProtocol() + ") is served by no configured protocol");
            } else if (!usable.contains(endpoint)) {
                usable.add(endpoint);
            }
        }
        if (usable.isEmpty()) {
            throw new NoUsableServiceException(context.requested(), "no usable service reference in " + source
                    + (skipped.isEmpty() ? ": it has no HS_SITE or HS_SERV values" : ": " + String.join("; ", skipped)));
        }
        return usable;
    }

    private List<NodeEndpoint> fromService(final HandleValue value, final List<String> skipped,
            final ResolutionContext context) throws ResolutionException, InterruptedException {
        Optional<URI> url = ServiceReferences.url(value);
        if (url.isPresent()) {
            return List.of(NodeEndpoint.ofUri(url.get()));
        }
        String text = value.textOrNull();
        Identifier serviceHandle;
        try {
            serviceHandle = Identifier.parse(text == null ? "" : text);
        } catch (InvalidIdentifierException e) {
            skipped.add(value.type() + " value " + value.index() + " is neither a URL nor a service handle");
            return List.of();
        }
        ResolutionCache.Found service = lookup(serviceHandle, context);
        return services(service.record().valuesOfType(HandleTypes.HS_SITE), serviceHandle, false, context);
    }

    /** Asks the endpoints for the handle, following referrals. */
    private ResolutionCache.Found fetch(final Identifier handle, final List<NodeEndpoint> endpoints,
            final ResolutionContext context) throws ResolutionException, InterruptedException {
        List<NodeEndpoint> current = endpoints;
        while (true) {
            context.step("ask " + handle + " at " + current);
            Answer answer = queryWithRetries(handle, current, context);
            HandleResponse response = answer.response();
            int code = response.responseCode();
            if (code == HandleResponseCode.SUCCESS.code() || code == HandleResponseCode.VALUES_NOT_FOUND.code()) {
                return cache.putFound(record(handle, answer, context), answer.endpoint(), clock.instant());
            }
            if (code == HandleResponseCode.HANDLE_NOT_FOUND.code()) {
                String message = answer.endpoint() + " says " + handle + " does not exist"
                        + response.message().map(m -> " (" + m + ")").orElse("");
                throw missing(context.requested(), handle,
                        cache.putMissing(handle, message, NamingAuthorities.isNamingAuthority(handle)));
            }
            if (code == HandleResponseCode.PREFIX_REFERRAL.code() || code == HandleResponseCode.SERVICE_REFERRAL.code()) {
                current = services(response.values(), handle, true, context);
                continue;
            }
            throw new HandleServerException(context.requested(), code, answer.endpoint() + " refused " + handle
                    + " with Handle code " + code + response.message().map(m -> ": " + m).orElse(""));
        }
    }

    private HandleRecord record(final Identifier handle, final Answer answer, final ResolutionContext context)
            throws MalformedResponseException {
        Optional<String> echo = answer.response().handle();
        if (echo.isPresent() && !echo.get().equalsIgnoreCase(handle.toString())) {
            throw new MalformedResponseException(context.requested(), answer.endpoint() + " answered for "
                    + echo.get() + " when asked for " + handle);
        }
        try {
            return new HandleRecord(handle, answer.response().values());
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(context.requested(), answer.endpoint() + " sent an invalid record"
                    + " for " + handle + ": " + e.getMessage(), e);
        }
    }

    private Answer queryWithRetries(final Identifier handle, final List<NodeEndpoint> endpoints,
            final ResolutionContext context) throws ResolutionException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (NodeEndpoint endpoint : endpoints) {
            NodeProtocol protocol = protocolFor(endpoint).orElseThrow();
            for (int attempt = 1; attempt <= attemptsMax; attempt++) {
                Duration remaining = context.remaining();
                if (remaining.isNegative() || remaining.isZero()) {
                    throw new ResolutionTimeoutException(context.requested(), "resolution of " + context.requested()
                            + " passed its " + resolutionTimeout.toMillis() + " ms deadline; failures: " + failures);
                }
                try {
                    HandleResponse response = protocol.query(endpoint, handle,
                            remaining.compareTo(requestTimeout) < 0 ? remaining : requestTimeout);
                    if (response.code().filter(HandleResponseCode::isTransient).isEmpty()) {
                        return new Answer(response, endpoint);
                    }
                    failures.add(endpoint + " answered Handle code " + response.responseCode());
                } catch (NodeCallException e) {
                    if (!e.retryable()) {
                        throw new MalformedResponseException(context.requested(), "while asking for " + handle + ": "
                                + e.getMessage(), e);
                    }
                    failures.add(e.getMessage());
                }
                LOG.log(Level.FINE, "attempt {0} for {1} at {2} failed: {3}",
                        new Object[] {attempt, handle, endpoint, failures.get(failures.size() - 1)});
                if (attempt < attemptsMax) {
                    backOff(attempt, context);
                }
            }
        }
        throw new NodeUnavailableException(context.requested(), "no usable answer for " + handle + " after "
                + failures.size() + " requests: " + String.join("; ", failures));
    }

    private void backOff(final int attempt, final ResolutionContext context) throws InterruptedException {
        long millis = Math.min(backoffMax.toMillis(), backoffInitial.toMillis() << Math.min(20, attempt - 1));
        long sleep = Math.min(millis, Math.max(0, context.remaining().toMillis()));
        if (sleep > 0) {
            Thread.sleep(sleep);
        }
    }

    private Optional<NodeProtocol> protocolFor(final NodeEndpoint endpoint) {
        return protocols.stream().filter(p -> p.supports(endpoint)).findFirst();
    }

    private static ResolutionException missing(final Identifier requested, final Identifier handle,
            final ResolutionCache.Missing missing) {
        if (missing.prefixMissing() && !handle.equals(requested)) {
            return new PrefixNotFoundException(requested, "prefix " + handle.suffix() + " of " + requested
                    + " is not registered: " + missing.message());
        }
        return new HandleNotFoundException(requested, missing.message());
    }
}
