// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.custody;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.web.Common;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;

/** Shipments: ship, receive, return, cancel. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "custody")
public class ShipmentResource {

    @Inject
    CustodyService custody;
    @Inject
    MasterData masterData;

    /** @param request shipment @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Operation(summary = "Ship top-level codes (and everything packed in them) to another organisation")
    public Response ship(@Valid @NotNull final CustodyRequests.Ship request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(custody.submit(CustodyService.SHIP, request, key))
                .build();
    }

    /** @param request receipt @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("receive")
    @Operation(summary = "Receive a shipment (all of it, or the codes given)")
    public WriteResult receive(@Valid @NotNull final CustodyRequests.Receive request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(CustodyService.RECEIVE, request, key);
    }

    /** @param request return @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("returns")
    @Operation(summary = "Return held, recalled or expired goods (a shipment the other side receives)")
    public Response returnGoods(@Valid @NotNull final CustodyRequests.Return request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(custody.submit(CustodyService.RETURN, request, key))
                .build();
    }

    /**
     * @param id shipment id
     * @param body why, when, where the goods are afterwards
     * @param key Idempotency-Key
     * @return proof
     * @throws LedgerException if refused
     */
    @POST
    @Path("{id: .+}/cancel")
    @Operation(summary = "Cancel a shipment (its sender only): what is still in transit returns to the sender")
    public WriteResult cancel(@PathParam("id") @Pattern(regexp = Common.ID_PATTERN) final String id,
            @Valid @NotNull final CancelShipmentRequests.Body body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(CustodyService.CANCEL, body.forShipment(id), key);
    }

    /** @param id shipment id @return the shipment */
    @GET
    @Path("{id: .+}")
    @Operation(summary = "A shipment from the read model")
    public MasterData.ShipmentView get(@PathParam("id") final String id) {
        return masterData.shipment(id);
    }
}
