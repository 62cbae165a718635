// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.batches;

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
import org.medtrace.chaincode.api.batch.BatchSpec;
import org.medtrace.chaincode.api.batch.LotReleaseRequest;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/** Batches (生产批号), their lot release (批签发) and herbal origin. */
@Path("/api/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "batches")
public class BatchResource {

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;
    @Inject
    MasterData masterData;

    /**
     * @param body the batch
     * @param key Idempotency-Key
     * @return 201 with the ledger proof
     * @throws LedgerException if the ledger refuses
     */
    @POST
    @Operation(summary = "Register a batch of a product (the product's MAH)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {BatchSpec.class, EventContext.class})))
    public Response register(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        final WriteResult result = writes.submit(caller.caller(), Writes.REGISTER_BATCH, body, key);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    /**
     * @param body the release
     * @param key Idempotency-Key
     * @return the ledger proof
     * @throws LedgerException if the ledger refuses
     */
    @POST
    @Path("lot-release")
    @Operation(summary = "Record the lot release (批签发) of a vaccine batch (the lot-release authority; the issuer is the caller's"
            + " registry entry)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {LotReleaseRequest.class, EventContext.class})))
    public WriteResult lotRelease(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return writes.submit(caller.caller(), Writes.LOT_RELEASE, body, key);
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
