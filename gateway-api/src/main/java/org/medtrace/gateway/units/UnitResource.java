// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.units;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.chaincode.api.aggregation.PackRequest;
import org.medtrace.chaincode.api.aggregation.UnpackRequest;
import org.medtrace.chaincode.api.unit.CommissionContainersRequest;
import org.medtrace.chaincode.api.unit.CommissionRequest;
import org.medtrace.chaincode.api.unit.DecommissionRequest;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/** Serialised units and containers: commissioning, decommissioning, packing and unpacking. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "units")
public class UnitResource {

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;
    @Inject
    MasterData masterData;

    /** @param body codes @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("commission")
    @Operation(summary = "Commission up to 10,000 unit codes of one batch and packaging level in one transaction")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {CommissionRequest.class, EventContext.class})))
    public Response commission(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return created(writes.submit(caller.caller(), Writes.COMMISSION, body, key));
    }

    /** @param body codes @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("containers")
    @Operation(summary = "Commission logistic containers (case, pallet, tote, cold box)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {CommissionContainersRequest.class, EventContext.class})))
    public Response containers(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return created(writes.submit(caller.caller(), Writes.COMMISSION_CONTAINERS, body, key));
    }

    /** @param body codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("decommission")
    @Operation(summary = "Decommission active codes held by their manufacturer")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {DecommissionRequest.class, EventContext.class})))
    public WriteResult decommission(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), Writes.DECOMMISSION, body, key);
    }

    /** @param body parent and children @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("pack")
    @Operation(summary = "Pack children into a parent (aggregation)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {PackRequest.class, EventContext.class})))
    public WriteResult pack(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), Writes.PACK, body, key);
    }

    /** @param body parent and children @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("unpack")
    @Operation(summary = "Unpack children (or everything) from a parent")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {UnpackRequest.class, EventContext.class})))
    public WriteResult unpack(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), Writes.UNPACK, body, key);
    }

    /** @param code the code in any scanned form @return the unit's current state */
    @GET
    @Operation(summary = "Current state of a unit or container (code in any scanned form)")
    public MasterData.UnitView get(@QueryParam("code") @NotBlank final String code) {
        return masterData.unit(code);
    }

    private static Response created(final WriteResult result) {
        return Response.status(Response.Status.CREATED).entity(result).build();
    }
}
