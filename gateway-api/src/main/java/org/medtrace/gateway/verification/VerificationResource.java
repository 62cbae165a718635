// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.verification;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.medtrace.gateway.auth.CallerContext;

/** The end-use verification scan (终端使用验证). */
@Path("/api/v1/verification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "verification")
public class VerificationResource {

    @Inject
    VerificationService verification;
    @Inject
    CallerContext caller;

    /** @param code the scanned code (identifier, 20-digit NMPA code, GS1 element string, Digital Link) @return verdict */
    @GET
    @Operation(summary = "Verify a scanned code: genuine, unknown, mismatch (the scan's lot or expiry contradicts the"
            + " ledger), recalled, expired, held, already dispensed, destroyed or decommissioned, with the reason")
    public VerificationService.Result verify(@QueryParam("code") @NotBlank final String code) {
        return verification.verify(caller.caller(), code);
    }
}
