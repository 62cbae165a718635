// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.members;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.chaincode.api.membership.MemberRequest;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/**
 * The consortium's member registry: read by every authenticated caller, changed through {@code member:register}
 * and {@code member:update}, whose chaincode decides who may (the consortium authority's regulators).
 */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "members")
public class MemberResource {

    @Inject
    MemberDirectory directory;
    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;

    /** @param after last MSP id of the previous page @param pageSize page size @return a page in MSP-id order */
    @GET
    @Operation(summary = "The member registry in MSP-id order (any authenticated caller)")
    public MemberDirectory.MemberPage list(@QueryParam("after") final String after,
            @QueryParam("pageSize") @DefaultValue("100") final int pageSize) {
        return directory.list(after, pageSize);
    }

    /** @param msp MSP id @return its entry as the ledger wrote it, with the proof */
    @GET
    @Path("{msp}")
    @Operation(summary = "One member's registry entry (any authenticated caller)")
    public MemberDirectory.MemberView get(@PathParam("msp") final String msp) {
        return directory.get(msp);
    }

    /** @param body the entry and why @param key Idempotency-Key @return 201 with the proof @throws LedgerException */
    @POST
    @Operation(summary = "Register a member (the consortium authority's regulator; member:register)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {MemberRequest.class, EventContext.class})))
    public Response register(final byte[] body, @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key)
            throws LedgerException {
        return Response.status(Response.Status.CREATED)
                .entity(writes.submit(caller.caller(), Writes.REGISTER_MEMBER, body, key)).build();
    }

    /**
     * @param msp the member @param body the whole new entry and why (msp may be left out) @param key Idempotency-Key
     * @return the proof @throws LedgerException if refused
     */
    @PUT
    @Path("{msp}")
    @Operation(summary = "Replace a member's entry, with a reason (the consortium authority's regulator;"
            + " member:update; empty roles suspend it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {MemberRequest.class, EventContext.class})))
    public WriteResult update(@PathParam("msp") final String msp, final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        final ObjectNode request = LedgerWrites.parse(body);
        if (request.has("msp") && !msp.equals(request.path("msp").asText())) {
            throw ApiException.invalid("msp", "is " + request.path("msp").asText() + ", the path names " + msp);
        }
        request.put("msp", msp);
        return writes.submit(caller.caller(), writes.check(Writes.UPDATE_MEMBER, request, key), java.util.Map.of());
    }
}
