// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.custody;

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
import org.medtrace.chaincode.api.custody.AdministerRequest;
import org.medtrace.chaincode.api.custody.DestroyRequest;
import org.medtrace.chaincode.api.custody.DispenseRequest;
import org.medtrace.chaincode.api.custody.HoldRequest;
import org.medtrace.chaincode.api.custody.InspectRequest;
import org.medtrace.chaincode.api.custody.ReleaseRequest;
import org.medtrace.chaincode.api.custody.StoreRequest;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/** Custody: store, inspect, hold and release, dispense, administer, destroy. Shipments: {@code /shipments}. */
@Path("/api/v1/custody")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "custody")
public class CustodyResource {

    @Inject
    CustodyService custody;

    /** @param body codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("store")
    @Operation(summary = "Record where goods are stored")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {StoreRequest.class, EventContext.class})))
    public WriteResult store(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(Writes.STORE, body, key);
    }

    /** @param body codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("inspect")
    @Operation(summary = "Record an inspection; non_conformant places a hold")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {InspectRequest.class, EventContext.class})))
    public WriteResult inspect(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(Writes.INSPECT, body, key);
    }

    /** @param body hold @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("holds")
    @Operation(summary = "Place a hold on codes (custodian, MAH, regulator) or batches (MAH, regulator)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {HoldRequest.class, EventContext.class})))
    public Response hold(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(custody.submit(Writes.HOLD, body, key))
                .build();
    }

    /** @param body hold id @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("holds/release")
    @Operation(summary = "Release a hold")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {ReleaseRequest.class, EventContext.class})))
    public WriteResult release(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(Writes.RELEASE, body, key);
    }

    /** @param body codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("dispense")
    @Operation(summary = "Dispense (hospital, pharmacy); a second dispense of a code is refused and raises an alert")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {DispenseRequest.class, EventContext.class})))
    public WriteResult dispense(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.dispense(body, key);
    }

    /** @param body codes and vaccinee @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("administer")
    @Operation(summary = "Administer vaccines; the ledger keeps only a salted hash of the vaccinee")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {AdministerRequest.class, EventContext.class})))
    public WriteResult administer(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.administer(body, key);
    }

    /** @param body codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("destroy")
    @Operation(summary = "Destroy held, recalled or expired goods")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {DestroyRequest.class, EventContext.class})))
    public WriteResult destroy(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(Writes.DESTROY, body, key);
    }
}
