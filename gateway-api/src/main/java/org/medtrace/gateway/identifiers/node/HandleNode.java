// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.PercentEncoding;
import org.medtrace.identifiers.handle.HandleOperation;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleResponse;
import org.medtrace.identifiers.handle.HandleResponseCode;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.NamingAuthorities;
import org.medtrace.identifiers.handle.ValueFilter;
import org.medtrace.identifiers.resolution.HandleNotFoundException;
import org.medtrace.identifiers.resolution.HandleResolver;
import org.medtrace.identifiers.resolution.PrefixNotFoundException;
import org.medtrace.identifiers.resolution.ResolutionException;

/**
 * A Handle.Net-REST-compatible node, independent of any HTTP server: {@code GET}, {@code PUT} and {@code DELETE}
 * on {@code /api/handles/{prefix}/{suffix}} with the {@code index} and {@code type} filters, partial writes with
 * {@code ?index=} and {@code ?overwrite=false}, and {@code POST /api/handles} for batch registration, answering the
 * Handle response codes and JSON bodies with the HTTP statuses of the library's {@link HandleResponseCode}.
 *
 * <p>Reads are public (values without public read permission only go to an administrator of the prefix); writes
 * need an administrator of the handle's prefix. For a handle under a prefix it does not serve, the node answers a
 * service referral (302) to the responsible node, found through the top-level node, or 100 when the prefix is not
 * registered; for a naming-authority handle of another prefix, a prefix referral (303) where it holds a parent's
 * delegation, else 100.
 *
 * <pre>{@code
 * HandleNode node = new HandleNode(store, authenticator, settings);
 * NodeReply reply = node.handle(new NodeRequest("GET", "88.118.8866/81234560000012345678", Map.of(),
 *         new byte[0], Optional.empty()));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class HandleNode {

    private static final Logger LOG = Logger.getLogger(HandleNode.class.getName());

    private final HandleStore store;
    private final NodeAuthenticator authenticator;
    private final NodeSettings settings;
    private final HandleWrites writes;
    private final BatchRegistration batches;

    /**
     * @param store the records
     * @param authenticator checks administrators' credentials
     * @param settings what this node serves and where it is
     */
    public HandleNode(final HandleStore store, final NodeAuthenticator authenticator, final NodeSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writes = new HandleWrites(store, settings);
        this.batches = new BatchRegistration(store, settings);
    }

    /** @return what this node serves */
    public NodeSettings settings() {
        return settings;
    }

    /**
     * @param request a request to {@code /api/handles}
     * @return the answer; never throws for bad input
     */
    public NodeReply handle(final NodeRequest request) {
        try {
            return route(request);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "handle request " + request.method() + " " + request.rawHandle() + " failed", e);
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.ERROR, null,
                    "the node failed to answer; the request may be retried");
        }
    }

    private NodeReply route(final NodeRequest request) {
        final Authentication caller = Authentication.of(request.authorization(), authenticator);
        if (request.rawHandle().isEmpty()) {
            return request.method().equals("POST") ? batches.register(request, caller)
                    : NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.OPERATION_NOT_SUPPORTED, null,
                            request.method() + " /api/handles is not supported; POST registers a batch");
        }
        final Identifier handle;
        try {
            handle = Identifier.parse(PercentEncoding.decode(request.rawHandle()));
            if (NamingAuthorities.isNamingAuthority(handle)) {
                Identifier.normalisePrefix(handle.suffix()); // 0.NA/<prefix>: the suffix must be a prefix
            }
        } catch (IllegalArgumentException e) {
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.INVALID_HANDLE, request.rawHandle(),
                    e.getMessage());
        }
        return switch (request.method()) {
            case "GET" -> resolve(handle, request, caller);
            case "PUT" -> writes.put(handle, request, caller);
            case "DELETE" -> writes.delete(handle, request, caller);
            default -> NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.OPERATION_NOT_SUPPORTED,
                    handle.toString(), request.method() + " is not supported; use GET, PUT or DELETE");
        };
    }

    private NodeReply resolve(final Identifier handle, final NodeRequest request, final Authentication caller) {
        final ValueFilter filter;
        try {
            filter = ValueFilter.fromQuery(request.parameter("index"), request.parameter("type"));
        } catch (IllegalArgumentException e) {
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.PROTOCOL_ERROR, handle.toString(),
                    e.getMessage());
        }
        if (caller instanceof Authentication.Refused refused) {
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.AUTHENTICATION_FAILED,
                    handle.toString(), refused.reason());
        }
        final Optional<HandleRecord> record = local(handle);
        if (record.isPresent()) {
            final boolean admin = caller instanceof Authentication.Admin a && a.administrator().administers(handle);
            final HandleRecord visible = admin ? record.get() : publicView(record.get());
            final HandleRecord selected = visible.filter(filter);
            return NodeReply.of(HandleOperation.RESOLVE, selected.values().isEmpty() && !visible.values().isEmpty()
                    ? HandleResponse.error(HandleResponseCode.VALUES_NOT_FOUND, handle.toString(),
                            "no value of " + handle + " matches " + filter)
                    : HandleResponse.of(selected));
        }
        if (NamingAuthorities.isNamingAuthority(handle)) {
            return NamingAuthorities.prefixReferral(handle, this::local)
                    .map(referral -> NodeReply.of(HandleOperation.RESOLVE, referral))
                    .orElseGet(() -> NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.HANDLE_NOT_FOUND,
                            handle.toString(), "this node holds no naming-authority record " + handle
                                    + " and no delegation of a parent prefix"));
        }
        if (settings.serves(handle.prefix())) {
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.HANDLE_NOT_FOUND, handle.toString(),
                    "handle " + handle + " is not registered");
        }
        return referral(handle);
    }

    /** The generated naming-authority records of the served prefixes, then the store. */
    Optional<HandleRecord> local(final Identifier handle) {
        final Optional<HandleRecord> generated = NamingAuthorityRecords.generated(handle, settings);
        return generated.isPresent() ? generated : store.find(handle);
    }

    private static HandleRecord publicView(final HandleRecord record) {
        final List<HandleValue> readable = record.values().stream().filter(v -> v.permissions().publicRead())
                .toList();
        return readable.size() == record.values().size() ? record : new HandleRecord(record.handle(), readable);
    }

    /** A handle of another prefix: point at the node the top-level node names for it. */
    private NodeReply referral(final Identifier handle) {
        final Optional<HandleResolver> resolver = settings.resolver();
        final String notServed = "this node serves " + settings.prefixes() + ", not " + handle.prefix();
        if (resolver.isEmpty()) {
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.SERVER_NOT_RESPONSIBLE,
                    handle.toString(), notServed);
        }
        try {
            final HandleRecord na = resolver.get().resolve(NamingAuthorities.handleOf(handle.prefix())).record();
            final List<HandleValue> services = na.values().stream()
                    .filter(v -> v.type().equalsIgnoreCase(HandleTypes.HS_SITE)
                            || v.type().equalsIgnoreCase(HandleTypes.HS_SERV))
                    .toList();
            if (services.isEmpty()) {
                return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.SERVER_NOT_RESPONSIBLE,
                        handle.toString(), notServed + ", and " + na.handle() + " names no HS_SITE or HS_SERV");
            }
            return NodeReply.of(HandleOperation.RESOLVE, HandleResponse.referral(HandleResponseCode.SERVICE_REFERRAL,
                    handle, services));
        } catch (HandleNotFoundException | PrefixNotFoundException e) {
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.HANDLE_NOT_FOUND, handle.toString(),
                    "prefix " + handle.prefix() + " is not registered: " + e.getMessage());
        } catch (ResolutionException e) {
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.SERVER_NOT_RESPONSIBLE,
                    handle.toString(), notServed + ", and the responsible node could not be found: "
                            + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeReply.error(HandleOperation.RESOLVE, HandleResponseCode.SERVER_TOO_BUSY, handle.toString(),
                    "interrupted while looking for the responsible node");
        }
    }
}
