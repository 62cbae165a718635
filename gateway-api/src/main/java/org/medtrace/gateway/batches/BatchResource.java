// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.batches;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.codes.CodeFields;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;

/** Batches (生产批号), their lot release (批签发) and herbal origin. */
@Path("/api/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "batches")
public class BatchResource {

    static final LedgerWrites.Write REGISTER =
            new LedgerWrites.Write("batch:register", CodeFields.of("id", "productId"));
    static final LedgerWrites.Write LOT_RELEASE =
            new LedgerWrites.Write("batch:recordLotRelease", CodeFields.of("batchId"));

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;
    @Inject
    MasterData masterData;

    /**
     * @param request the batch
     * @param key Idempotency-Key
     * @return 201 with the ledger proof
     * @throws LedgerException if the ledger refuses
     */
    @POST
    @Operation(summary = "Register a batch of a product (the product's MAH)")
    public Response register(@Valid @NotNull final BatchRequests.Register request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        final WriteResult result = writes.submit(caller.caller(), REGISTER, request, key);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    /**
     * @param request the release
     * @param key Idempotency-Key
     * @return the ledger proof
     * @throws LedgerException if the ledger refuses
     */
    @POST
    @Path("lot-release")
    @Operation(summary = "Record the lot release (批签发) of a vaccine batch (MAH or regulator)")
    public WriteResult lotRelease(@Valid @NotNull final BatchRequests.LotRelease request,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), LOT_RELEASE, request, key);
    }

    /**
     * @param id batch identifier
     * @return the batch as projected
     */
    @GET
    @Path("{id: .+}")
    @Operation(summary = "A batch from the read model, with lot release, holds and recalls")
    public MasterData.BatchView get(@PathParam("id") final String id) {
        return masterData.batch(id);
    }
}
