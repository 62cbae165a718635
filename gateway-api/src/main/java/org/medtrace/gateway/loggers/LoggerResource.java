// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.loggers;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.codes.CodeFields;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;

/** Cold-chain loggers on the ledger: registry, association with goods, anchored windows, excursions. */
@Path("/api/v1/loggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "loggers")
public class LoggerResource {

    static final LedgerWrites.Write REGISTER =
            new LedgerWrites.Write("telemetry:registerLogger", CodeFields.of("loggerId"));
    static final LedgerWrites.Write REVOKE =
            new LedgerWrites.Write("telemetry:revokeLogger", CodeFields.of("loggerId"));
    static final LedgerWrites.Write ASSOCIATE =
            new LedgerWrites.Write("telemetry:associate", CodeFields.of("loggerId", "targets[]"));
    static final LedgerWrites.Write DISSOCIATE =
            new LedgerWrites.Write("telemetry:dissociate", CodeFields.of("loggerId", "targets[]"));
    static final LedgerWrites.Write ANCHOR =
            new LedgerWrites.Write("telemetry:anchor", CodeFields.of("loggerId"));
    static final LedgerWrites.Write EXCURSION =
            new LedgerWrites.Write("telemetry:excursion", CodeFields.of("loggerId"));

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;

    /** @param request logger @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Operation(summary = "Register a cold-chain logger (the caller's organisation owns it)")
    public Response register(@Valid @NotNull final LoggerRequests.Register request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(writes.submit(caller.caller(), REGISTER, request, key))
                .build();
    }

    /** @param request logger @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("revoke")
    @Operation(summary = "Revoke a logger")
    public WriteResult revoke(@Valid @NotNull final LoggerRequests.Revoke request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), REVOKE, request, key);
    }

    /** @param request association @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("associate")
    @Operation(summary = "Associate a logger with goods (its open shipments record it)")
    public WriteResult associate(@Valid @NotNull final LoggerRequests.Association request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), ASSOCIATE, request, key);
    }

    /** @param request association @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("dissociate")
    @Operation(summary = "Dissociate a logger from goods (or from everything)")
    public WriteResult dissociate(@Valid @NotNull final LoggerRequests.Association request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), DISSOCIATE, request, key);
    }

    /** @param request window @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("anchors")
    @Operation(summary = "Anchor a window of readings: Merkle root and summary")
    public Response anchor(@Valid @NotNull final LoggerRequests.Anchor request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(writes.submit(caller.caller(), ANCHOR, request, key))
                .build();
    }

    /** @param request excursion @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("excursions")
    @Operation(summary = "Record a temperature excursion; holds the goods associated with the logger")
    public Response excursion(@Valid @NotNull final LoggerRequests.Excursion request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED)
                .entity(writes.submit(caller.caller(), EXCURSION, request, key)).build();
    }
}
