// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.regulator;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.web.Params;

/** Regulator queries (role regulator). */
@Path("/api/v1/regulator")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "regulator")
public class RegulatorResource {

    @Inject
    RegulatorService regulator;
    @Inject
    CallerContext caller;

    /**
     * @param productId product
     * @param batchId batch
     * @param organization MSP id
     * @param from from (ISO-8601 date-time)
     * @param to to (ISO-8601 date-time)
     * @param bizStep CBV bizStep
     * @param after cursor
     * @param pageSize page size
     * @return a page of events
     */
    @GET
    @Path("events")
    @Operation(summary = "Ledger events by product, batch, organisation, time range and bizStep, oldest first")
    public RegulatorService.Page<RegulatorService.EventRow> events(
            @QueryParam("productId") @Size(max = 255) final String productId,
            @QueryParam("batchId") @Size(max = 255) final String batchId,
            @QueryParam("organization") @Pattern(regexp = "[A-Za-z0-9.-]{1,64}") final String organization,
            @QueryParam("from") final String from, @QueryParam("to") final String to,
            @QueryParam("bizStep") @Pattern(regexp = "[a-z_]{1,64}") final String bizStep,
            @QueryParam("after") @Min(0) final Long after,
            @QueryParam("pageSize") @DefaultValue("100") @Min(1) @Max(1000) final int pageSize) {
        return regulator.events(caller.caller(), new RegulatorService.EventQuery(productId, batchId, organization,
                Params.instant(from, "from"), Params.instant(to, "to"), bizStep, after, pageSize));
    }

    /**
     * @param kind kind
     * @param from from
     * @param to to
     * @param after cursor
     * @param pageSize page size
     * @return a page of alerts
     */
    @GET
    @Path("alerts")
    @Operation(summary = "Alerts: duplicate dispense, scan after dispense or destruction, unknown codes")
    public RegulatorService.Page<RegulatorService.AlertRow> alerts(
            @QueryParam("kind") @Pattern(regexp = "[A-Z_]{1,64}") final String kind,
            @QueryParam("from") final String from, @QueryParam("to") final String to,
            @QueryParam("after") @Min(0) final Long after,
            @QueryParam("pageSize") @DefaultValue("100") @Min(1) @Max(1000) final int pageSize) {
        return regulator.alerts(caller.caller(), kind, Params.instant(from, "from"), Params.instant(to, "to"), after,
                pageSize);
    }
}
