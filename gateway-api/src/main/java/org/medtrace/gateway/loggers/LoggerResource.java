// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.loggers;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.chaincode.api.telemetry.AnchorRequest;
import org.medtrace.chaincode.api.telemetry.AssociateRequest;
import org.medtrace.chaincode.api.telemetry.DissociateRequest;
import org.medtrace.chaincode.api.telemetry.ExcursionRequest;
import org.medtrace.chaincode.api.telemetry.LoggerRequest;
import org.medtrace.chaincode.api.telemetry.RegisterLoggerRequest;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/** Cold-chain loggers on the ledger: registry, association with goods, anchored windows, excursions. */
@Path("/api/v1/loggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "loggers")
public class LoggerResource {

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;

    /** @param body logger @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Operation(summary = "Register a cold-chain logger (the caller's organisation owns it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {RegisterLoggerRequest.class, EventContext.class})))
    public Response register(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(writes.submit(caller.caller(), Writes.REGISTER_LOGGER, body, key))
                .build();
    }

    /** @param body logger @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("revoke")
    @Operation(summary = "Revoke a logger")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {LoggerRequest.class, EventContext.class})))
    public WriteResult revoke(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), Writes.REVOKE_LOGGER, body, key);
    }

    /** @param body association @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("associate")
    @Operation(summary = "Associate a logger with goods (its open shipments record it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {AssociateRequest.class, EventContext.class})))
    public WriteResult associate(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), Writes.ASSOCIATE, body, key);
    }

    /** @param body association @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("dissociate")
    @Operation(summary = "Dissociate a logger from goods (or from everything)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {DissociateRequest.class, EventContext.class})))
    public WriteResult dissociate(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), Writes.DISSOCIATE, body, key);
    }

    /** @param body window @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("anchors")
    @Operation(summary = "Anchor a window of readings: Merkle root and summary")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {AnchorRequest.class, EventContext.class})))
    public Response anchor(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(writes.submit(caller.caller(), Writes.ANCHOR, body, key))
                .build();
    }

    /** @param body excursion @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("excursions")
    @Operation(summary = "Record a temperature excursion; holds the goods associated with the logger")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {ExcursionRequest.class, EventContext.class})))
    public Response excursion(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED)
                .entity(writes.submit(caller.caller(), Writes.EXCURSION, body, key)).build();
    }
}
