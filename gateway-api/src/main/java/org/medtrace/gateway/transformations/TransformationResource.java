// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.transformations;

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
import org.medtrace.chaincode.api.transformation.TransformRequest;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.Writes;

/** Transformations: herbal raw lots processed (炮制) into slice batches that record their source lots. */
@Path("/api/v1/transformations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "transformations")
public class TransformationResource {

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;

    /** @param body transformation @param key Idempotency-Key @return 201 @throws LedgerException if refused */
    @POST
    @Operation(summary = "Transform herbal raw-lot units into slice batches")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {TransformRequest.class, EventContext.class})))
    public Response transform(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        return Response.status(Response.Status.CREATED)
                .entity(writes.submit(caller.caller(), Writes.TRANSFORM, body, key)).build();
    }
}
