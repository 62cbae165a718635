// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.custody;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.chaincode.api.custody.CancelShipmentRequest;
import org.medtrace.chaincode.api.custody.ReceiveRequest;
import org.medtrace.chaincode.api.custody.ReturnRequest;
import org.medtrace.chaincode.api.custody.ShipRequest;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

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

    /** @param body shipment @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Operation(summary = "Ship top-level codes (and everything packed in them) to another organisation")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {ShipRequest.class, EventContext.class})))
    public Response ship(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(custody.submit(Writes.SHIP, body, key))
                .build();
    }

    /** @param body receipt @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("receive")
    @Operation(summary = "Receive a shipment (all of it, or the codes given)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {ReceiveRequest.class, EventContext.class})))
    public WriteResult receive(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.submit(Writes.RECEIVE, body, key);
    }

    /** @param body return @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("returns")
    @Operation(summary = "Return held, recalled or expired goods (a shipment the other side receives)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {ReturnRequest.class, EventContext.class})))
    public Response returnGoods(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(custody.submit(Writes.RETURN, body, key))
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
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {CancelShipmentRequest.class, EventContext.class})))
    public WriteResult cancel(@PathParam("id") final String id, final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return custody.cancel(id, body, key);
    }

    /** @param id shipment id @return the shipment */
    @GET
    @Path("{id: .+}")
    @Operation(summary = "A shipment from the read model")
    public MasterData.ShipmentView get(@PathParam("id") final String id) {
        return masterData.shipment(id);
    }
}
