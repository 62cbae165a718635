// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.gateway.auth.CallerContext;

/** Re-checks a read-model fact against the ledger itself (evaluate on the peer, not the read model). */
@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
public class LedgerResource {

    @Inject
    LedgerService ledger;
    @Inject
    CallerContext caller;
    @Inject
    ObjectMapper mapper;

    /**
     * @param eventId the ledger event id from a provenance answer
     * @return the event as stored on the ledger
     * @throws LedgerException if the ledger refuses (EVENT_NOT_FOUND gives 404)
     */
    @GET
    @Path("events")
    @Operation(summary = "An event as the ledger stores it (evaluate ledger:event), to re-check a provenance step")
    public JsonNode event(@QueryParam("eventId") @NotBlank @Size(max = 255) final String eventId)
            throws LedgerException {
        final ObjectNode request = mapper.createObjectNode().put("eventId", eventId);
        return evaluate("ledger:event", request);
    }

    /**
     * @param type product, batch, unit, shipment, recall, logger or aggregation
     * @param id the record's id
     * @return every version of the record with its transaction
     * @throws LedgerException if the ledger refuses
     */
    @GET
    @Path("history")
    @Operation(summary = "Every version of a ledger record with its transaction id and time (evaluate ledger:history)")
    public JsonNode history(
            @QueryParam("type") @NotBlank @jakarta.validation.constraints.Pattern(
                    regexp = "product|batch|unit|shipment|recall|logger|aggregation") final String type,
            @QueryParam("id") @NotBlank @Size(max = 1024) final String id) throws LedgerException {
        final ObjectNode request = mapper.createObjectNode().put("type", type).put("id", id);
        return evaluate("ledger:history", request);
    }

    private JsonNode evaluate(final String transaction, final ObjectNode request) throws LedgerException {
        try {
            final byte[] answer = ledger.client().evaluate(caller.caller().identity(), transaction,
                    mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return mapper.readTree(answer);
        } catch (IOException e) {
            throw new IllegalStateException("ledger answered with something that is not JSON", e);
        }
    }
}
