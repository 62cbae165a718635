// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.units;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.codes.CodeFields;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;

/** Serialised units and containers: commissioning, decommissioning, packing and unpacking. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "units")
public class UnitResource {

    static final LedgerWrites.Write COMMISSION =
            new LedgerWrites.Write("unit:commission", CodeFields.of("batchId", "codes[]"));
    static final LedgerWrites.Write CONTAINERS =
            new LedgerWrites.Write("unit:commissionContainers", CodeFields.of("codes[]"));
    static final LedgerWrites.Write DECOMMISSION =
            new LedgerWrites.Write("unit:decommission", CodeFields.of("codes[]"));
    static final LedgerWrites.Write PACK =
            new LedgerWrites.Write("aggregation:pack", CodeFields.of("parent", "children[]"));
    static final LedgerWrites.Write UNPACK =
            new LedgerWrites.Write("aggregation:unpack", CodeFields.of("parent", "children[]"));

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;
    @Inject
    MasterData masterData;

    /** @param request codes @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("commission")
    @Operation(summary = "Commission up to 10,000 unit codes of one batch and packaging level in one transaction")
    public Response commission(@Valid @NotNull final UnitRequests.Commission request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return created(writes.submit(caller.caller(), COMMISSION, request, key));
    }

    /** @param request codes @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Path("containers")
    @Operation(summary = "Commission logistic containers (case, pallet, tote, cold box)")
    public Response containers(@Valid @NotNull final UnitRequests.CommissionContainers request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return created(writes.submit(caller.caller(), CONTAINERS, request, key));
    }

    /** @param request codes @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("decommission")
    @Operation(summary = "Decommission active codes held by their manufacturer")
    public WriteResult decommission(@Valid @NotNull final UnitRequests.Decommission request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), DECOMMISSION, request, key);
    }

    /** @param request parent and children @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("pack")
    @Operation(summary = "Pack children into a parent (aggregation)")
    public WriteResult pack(@Valid @NotNull final UnitRequests.Pack request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), PACK, request, key);
    }

    /** @param request parent and children @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Path("unpack")
    @Operation(summary = "Unpack children (or everything) from a parent")
    public WriteResult unpack(@Valid @NotNull final UnitRequests.Unpack request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), UNPACK, request, key);
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
