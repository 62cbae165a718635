// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.custody;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.web.Common;
import org.medtrace.gateway.web.Common.BizTransaction;

/** Request bodies of the custody writes. Codes may be in any scanned form. */
public final class CustodyRequests {

    private static final String MSP = Common.MSP_PATTERN;

    private CustodyRequests() {
    }

    /**
     * {@code custody:ship}.
     *
     * @param shipmentId the new shipment's id
     * @param codes the top-level codes shipped
     * @param to the receiving organisation (MSP id)
     * @param destination where to
     * @param bizTransactions delivery notes, orders
     * @param eventTime when
     * @param readPoint where it was observed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ship(@NotBlank @Pattern(regexp = Common.ID_PATTERN) String shipmentId,
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @NotBlank @Pattern(regexp = MSP) String to, @Size(max = 255) String destination,
            @Size(max = 20) List<@Valid @NotNull BizTransaction> bizTransactions, Instant eventTime,
            @Size(max = 255) String readPoint) {
    }

    /**
     * {@code custody:receive}; without codes, everything not received yet.
     *
     * @param shipmentId the shipment
     * @param codes the codes received, or null
     * @param eventTime when
     * @param bizLocation where the goods are now
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receive(@NotBlank @Pattern(regexp = Common.ID_PATTERN) String shipmentId,
            @Size(min = 1, max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            Instant eventTime, @Size(max = 255) String bizLocation) {
    }

    /**
     * {@code custody:return} of held, recalled or expired goods.
     *
     * @param shipmentId the return shipment's id
     * @param codes the codes
     * @param to the organisation receiving the return
     * @param reason why
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Return(@NotBlank @Pattern(regexp = Common.ID_PATTERN) String shipmentId,
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @NotBlank @Pattern(regexp = MSP) String to, @NotBlank @Size(max = Common.TEXT_MAX) String reason,
            Instant eventTime) {
    }

    /**
     * {@code custody:store}.
     *
     * @param codes the codes
     * @param location the storage location
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Store(
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @NotBlank @Size(max = 255) String location, Instant eventTime) {
    }

    /**
     * {@code custody:inspect}; non_conformant places a hold.
     *
     * @param codes the codes
     * @param result conformant or non_conformant
     * @param note free text
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inspect(
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @NotNull @Pattern(regexp = "conformant|non_conformant") String result,
            @Size(max = Common.TEXT_MAX) String note, Instant eventTime) {
    }

    /**
     * {@code custody:hold} of codes or of whole batches.
     *
     * @param holdId the new hold's id
     * @param codes codes, or null
     * @param batchIds batches, or null (MAH or regulator)
     * @param reason why
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hold(@NotBlank @Pattern(regexp = Common.ID_PATTERN) String holdId,
            @Size(min = 1, max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @Size(min = 1, max = 100) List<@NotBlank @Size(max = 255) String> batchIds,
            @NotBlank @Size(max = Common.TEXT_MAX) String reason, Instant eventTime) {

        /** @return true when exactly one of codes and batchIds is given */
        @JsonIgnore
        @jakarta.validation.constraints.AssertTrue(message = "give either codes or batchIds")
        public boolean isCodesXorBatches() {
            return codes == null ^ batchIds == null;
        }
    }

    /**
     * {@code custody:release}.
     *
     * @param holdId the hold
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Release(@NotBlank @Pattern(regexp = Common.ID_PATTERN) String holdId, Instant eventTime) {
    }

    /**
     * {@code custody:dispense}.
     *
     * @param codes the codes
     * @param quantity for lot-based goods, how much
     * @param eventTime when
     * @param bizLocation where
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dispense(
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @Valid Common.Quantity quantity, Instant eventTime, @Size(max = 255) String bizLocation) {
    }

    /**
     * {@code custody:administer}: vaccination. The vaccinee id and salt travel as transient data: the ledger keeps
     * only their salted hash.
     *
     * @param codes the vaccine codes
     * @param vaccineeId the vaccinee's id (never written to the ledger)
     * @param vaccineeSalt the salt the vaccination site keeps, at least 16 characters
     * @param eventTime when
     * @param bizLocation where
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Administer(
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @NotBlank @Size(max = 255) @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String vaccineeId,
            @NotBlank @Size(min = 16, max = 255) @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String vaccineeSalt,
            Instant eventTime, @Size(max = 255) String bizLocation) {
    }

    /**
     * {@code custody:destroy}.
     *
     * @param codes the codes
     * @param reason why
     * @param method how
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Destroy(
            @NotEmpty @Size(max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> codes,
            @NotBlank @Size(max = Common.TEXT_MAX) String reason, @Size(max = 255) String method, Instant eventTime) {
    }
}
