// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.codes.InvalidCodeException;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.web.Params;

/**
 * Telemetry for REST clients: logger credentials, readings, closed windows, excursions, inclusion proofs. Loggers
 * post their readings to {@link IngestionRoute#PATH} with their own credential.
 */
@Path("/api/v1/telemetry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "telemetry")
public class TelemetryResource {

    @Inject
    CallerContext caller;
    @Inject
    CodeParser codes;
    @Inject
    LoggerCredentials credentials;
    @Inject
    TelemetryService service;
    @Inject
    TelemetryQueries queries;

    /** @param body the logger @return 201 with the token, shown once */
    @POST
    @Path("credentials")
    @Operation(summary = "Issue a credential for a logger of the caller's organisation (the token is shown once)")
    public Response issue(@Valid @NotNull final TelemetryViews.LoggerId request) {
        return Response.status(Response.Status.CREATED)
                .entity(credentials.issue(caller.caller(), logger(request.loggerId()))).build();
    }

    /** @param body the credential @return whether it was active */
    @POST
    @Path("credentials/revoke")
    @Operation(summary = "Revoke a logger credential")
    public Map<String, Object> revoke(@Valid @NotNull final TelemetryViews.CredentialId request) {
        return Map.of("credentialId", request.credentialId(), "revoked",
                credentials.revoke(caller.caller(), request.credentialId()));
    }

    /**
     * @param loggerId logger @param from from @param to to @param cursor next page @param limit page size
     * @return readings in time order
     */
    @GET
    @Path("readings")
    @Operation(summary = "A logger's readings in time order (the link provenance gives for a leg)")
    public TelemetryViews.ReadingPage readings(@QueryParam("loggerId") final String loggerId,
            @QueryParam("from") final String from, @QueryParam("to") final String to,
            @QueryParam("cursor") final String cursor, @QueryParam("limit") @DefaultValue("1000") final int limit) {
        return queries.readings(logger(loggerId), Params.instant(from, "from"), Params.instant(to, "to"), cursor,
                limit);
    }

    /** @param loggerId logger @param from from @param to to @return closed windows */
    @GET
    @Path("windows")
    @Operation(summary = "A logger's closed windows: Merkle root, summary, anchoring transaction")
    public List<TelemetryViews.Window> windows(@QueryParam("loggerId") final String loggerId,
            @QueryParam("from") final String from, @QueryParam("to") final String to) {
        return queries.windows(logger(loggerId), Params.instant(from, "from"), Params.instant(to, "to"));
    }

    /** @param loggerId logger @return excursions */
    @GET
    @Path("excursions")
    @Operation(summary = "A logger's excursions and the ledger transactions that held the goods")
    public List<TelemetryViews.Excursion> excursions(@QueryParam("loggerId") final String loggerId) {
        return queries.excursions(logger(loggerId));
    }

    /** @param loggerId logger @param seq sequence number @return the proof */
    @GET
    @Path("proof")
    @Operation(summary = "A reading with its Merkle inclusion proof and the ledger anchor of its window")
    public TelemetryViews.Proof proof(@QueryParam("loggerId") final String loggerId,
            @QueryParam("seq") final Long seq) {
        if (seq == null || seq < 0) {
            throw ApiException.invalid("seq", "a sequence number is required");
        }
        return queries.proof(logger(loggerId), seq);
    }

    /** @param proof a proof @return the checks @throws LedgerException if the ledger cannot be read */
    @POST
    @Path("proof/verify")
    @Operation(summary = "Check a proof against the anchor on the ledger")
    public TelemetryViews.Verification verify(@Valid @NotNull final TelemetryViews.Proof proof)
            throws LedgerException {
        return queries.verify(caller.caller(), proof);
    }

    /**
     * @param body a logger or a shipment
     * @return what was closed and anchored
     * @throws LedgerException if the shipment cannot be read from the ledger
     */
    @POST
    @Path("windows/close")
    @Operation(summary = "Close and anchor open windows now: a logger's, or every logger's of a shipment (before"
            + " receiving it)")
    public List<TelemetryService.Closing> close(@NotNull final TelemetryViews.CloseRequest request)
            throws LedgerException {
        if ((request.loggerId() == null) == (request.shipmentId() == null)) {
            throw ApiException.invalid("body", "name either loggerId or shipmentId");
        }
        return request.loggerId() != null ? List.of(service.closeLogger(caller.caller(), logger(request.loggerId())))
                : service.closeShipment(caller.caller(), request.shipmentId());
    }

    private String logger(final String scanned) {
        if (scanned == null || scanned.isBlank()) {
            throw ApiException.invalid("loggerId", "is required");
        }
        try {
            return codes.canonical(scanned);
        } catch (InvalidCodeException e) {
            throw new ApiException(400, "INVALID_IDENTIFIER", "loggerId " + e.getMessage(), List.of());
        }
    }
}
