// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.provenance;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Provenance and tracing, from the read model, every fact with its ledger proof. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "provenance")
public class ProvenanceResource {

    @Inject
    ProvenanceService provenance;
    @Inject
    TraceService trace;

    /** @param code any scanned form @return provenance */
    @GET
    @Path("provenance/unit")
    @Operation(summary = "Full provenance of a unit or case: origin, events, aggregation over time, legs with"
            + " temperature, transformations, holds, recalls")
    public ProvenanceService.UnitProvenance unit(@QueryParam("code") @NotBlank final String code) {
        return provenance.unit(code);
    }

    /** @param batchId batch identifier @return provenance */
    @GET
    @Path("provenance/batch")
    @Operation(summary = "Provenance of a batch: product, lot release, herbal origin and source lots, events, holds,"
            + " recalls")
    public ProvenanceService.BatchProvenance batch(@QueryParam("batchId") @NotBlank final String batchId) {
        return provenance.batch(batchId);
    }

    /**
     * @param batchId batch
     * @param after unit cursor
     * @param pageSize page size
     * @return forward trace
     */
    @GET
    @Path("trace/forward")
    @Operation(summary = "Forward trace of a batch: where every unit went and is now, derived batches")
    public TraceService.ForwardTrace forward(@QueryParam("batchId") @NotBlank final String batchId,
            @QueryParam("after") final String after,
            @QueryParam("pageSize") @DefaultValue("100") @Min(1) @Max(1000) final int pageSize) {
        return trace.forward(batchId, after, pageSize);
    }

    /** @param code any scanned form @return backward trace */
    @GET
    @Path("trace/backward")
    @Operation(summary = "Backward trace of a unit: containers, shippers, batch, producer, source lots")
    public TraceService.BackwardTrace backward(@QueryParam("code") @NotBlank final String code) {
        return trace.backward(code);
    }
}
