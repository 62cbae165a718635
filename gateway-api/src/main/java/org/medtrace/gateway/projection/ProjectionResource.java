// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.members.RoleGrants;

/** The read-model projection: where it stands, and a rebuild from block 0 with progress. */
@Path("/api/v1/projection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
public class ProjectionResource {

    @Inject
    ProjectionService projection;
    @Inject
    CallerContext caller;
    @Inject
    RoleGrants grants;

    /** @return the checkpoint and rebuild progress */
    @GET
    @Operation(summary = "Projection status: checkpoint block and transaction, events projected, rebuild progress")
    public ProjectionStatus status() {
        return projection.status();
    }

    /** @return 202 with the status at the start of the rebuild */
    @POST
    @Path("rebuild")
    @Operation(summary = "Rebuild the read model from block 0 (regulator); follow progress with GET /projection")
    public Response rebuild() {
        grants.require(caller.caller(), Role.REGULATOR, "rebuilds of the read model");
        return Response.accepted(projection.rebuild()).build();
    }
}
