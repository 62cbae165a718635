// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.products;

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
import org.medtrace.chaincode.api.product.RegisterProductRequest;
import org.medtrace.gateway.auth.CallerContext;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.writes.EventContext;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/** Product master data (药品标识码, GTIN, packaging levels, storage band). */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class ProductResource {

    @Inject
    LedgerWrites writes;
    @Inject
    CallerContext caller;
    @Inject
    MasterData masterData;

    /**
     * @param body the product
     * @param key Idempotency-Key
     * @return 201 with the ledger proof
     * @throws LedgerException if the ledger refuses
     */
    @POST
    @Operation(summary = "Register a product (manufacturer; the caller becomes its MAH)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {RegisterProductRequest.class, EventContext.class})))
    public Response register(final byte[] body,
            @HeaderParam(LedgerWrites.IDEMPOTENCY_KEY) final String key) throws LedgerException {
        final WriteResult result = writes.submit(caller.caller(), Writes.REGISTER_PRODUCT, body, key);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    /**
     * @param id product identifier
     * @return the product as projected, with its ledger proof
     */
    @GET
    @Path("{id: .+}")
    @Operation(summary = "A product from the read model")
    public MasterData.ProductView get(@PathParam("id") final String id) {
        return masterData.product(id);
    }
}
