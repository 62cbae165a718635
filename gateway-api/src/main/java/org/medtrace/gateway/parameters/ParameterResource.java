// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.parameter.SetParameterRequest;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerService;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/**
 * Ledger parameters: settings of the chaincode's rules that every endorser applies alike (eventTimeSkewSeconds),
 * set by a regulator, read by anyone from the ledger itself.
 */
@Path("/api/v1/parameters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
public class ParameterResource {

    @Inject
    LedgerWrites writes;
    @Inject
    LedgerService ledger;
    @Inject
    CallerContext caller;
    @Inject
    ObjectMapper mapper;

    /** @param body name, value, reason @param key Idempotency-Key @return proof @throws LedgerException if refused */
    @POST
    @Operation(summary = "Set a ledger parameter (a regulator); the change is an event with who and why")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {SetParameterRequest.class, EventContext.class})))
    public WriteResult set(final byte[] body, @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key)
            throws LedgerException {
        return writes.submit(caller.caller(), Writes.SET_PARAMETER, body, key);
    }

    /**
     * @param name the parameter
     * @return its value (the default until a regulator sets one), default, bounds, and who set it when and why
     * @throws LedgerException if the ledger refuses (an unknown name is 400)
     */
    @GET
    @Path("{name}")
    @Operation(summary = "A ledger parameter as the ledger holds it (evaluate parameters:get)")
    public JsonNode get(@PathParam("name") final String name) throws LedgerException {
        try {
            final byte[] request = Json.bytes(Json.object().put("name", name));
            return mapper.readTree(ledger.client().evaluate(caller.caller().identity(), "parameters:get", request));
        } catch (IOException e) {
            throw new IllegalStateException("ledger answered with something that is not JSON", e);
        }
    }
}
