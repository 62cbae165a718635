// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.recall;

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
import org.medtrace.chaincode.api.recall.RecallRequest;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.Writes;

/** Recalls (药品召回): create, read, scope. */
@Path("/api/v1/recalls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "recall")
public class RecallResource {

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;
    @Inject
    RecallService recalls;

    /** @param body recall @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Operation(summary = "Recall batches (the MAH of every batch, or a regulator)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {RecallRequest.class, EventContext.class})))
    public Response create(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED).entity(writes.submit(caller.caller(), Writes.RECALL, body, key))
                .build();
    }

    /** @param id recall id @return the recall */
    @GET
    @Operation(summary = "A recall")
    public RecallService.RecallView get(@QueryParam("recallId") @NotBlank final String id) {
        return recalls.get(id);
    }

    /** @param id recall id @return its scope */
    @GET
    @Path("scope")
    @Operation(summary = "Scope of a recall: current holders with quantities, units in transit, units dispensed")
    public RecallService.Scope scope(@QueryParam("recallId") @NotBlank final String id) {
        return recalls.scope(caller.caller(), id);
    }
}
