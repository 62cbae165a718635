// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.custody;

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
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;

/** Custody: store, inspect, hold and release, dispense, administer, destroy. Shipments: {@code /shipments}. */
@Path("/api/v1/custody")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "custody")
public class CustodyResource {

    @Inject
    CustodyService custody;

    /** @param request codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("store")
    @Operation(summary = "Record where goods are stored")
    public WriteResult store(@Valid @NotNull final CustodyRequests.Store request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(CustodyService.STORE, request, key);
    }

    /** @param request codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("inspect")
    @Operation(summary = "Record an inspection; non_conformant places a hold")
    public WriteResult inspect(@Valid @NotNull final CustodyRequests.Inspect request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(CustodyService.INSPECT, request, key);
    }

    /** @param request hold @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("holds")
    @Operation(summary = "Place a hold on codes (custodian, MAH, regulator) or batches (MAH, regulator)")
    public Response hold(@Valid @NotNull final CustodyRequests.Hold request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(custody.submit(CustodyService.HOLD, request, key))
                .build();
    }

    /** @param request hold id @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("holds/release")
    @Operation(summary = "Release a hold")
    public WriteResult release(@Valid @NotNull final CustodyRequests.Release request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(CustodyService.RELEASE, request, key);
    }

    /** @param request codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("dispense")
    @Operation(summary = "Dispense (hospital, pharmacy); a second dispense of a code is refused and raises an alert")
    public WriteResult dispense(@Valid @NotNull final CustodyRequests.Dispense request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.dispense(request, key);
    }

    /** @param request codes and vaccinee @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("administer")
    @Operation(summary = "Administer vaccines; the ledger keeps only a salted hash of the vaccinee")
    public WriteResult administer(@Valid @NotNull final CustodyRequests.Administer request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.administer(request, key);
    }

    /** @param request codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("destroy")
    @Operation(summary = "Destroy held, recalled or expired goods")
    public WriteResult destroy(@Valid @NotNull final CustodyRequests.Destroy request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(CustodyService.DESTROY, request, key);
    }
}
