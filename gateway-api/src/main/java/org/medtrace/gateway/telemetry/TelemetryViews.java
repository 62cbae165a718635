// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.medtrace.gateway.codes.CodeParser;

/** The JSON shapes of the telemetry API. */
public final class TelemetryViews {

    /** A SHA-256 in hex. */
    static final String SHA256_HEX = "[0-9a-fA-F]{64}";
    /** Longest audit path: a tree of 2^64 leaves would need no more. */
    static final int PATH_MAX = 64;
    /** Longest leaf in hex (leaf encoding v1: the logger id in UTF-8 and at most 36 bytes of fixed fields). */
    static final int LEAF_HEX_MAX = 2 * (4 * CodeParser.SCANNED_LENGTH_MAX + 64);

    private TelemetryViews() {
    }

    /**
     * One reading.
     *
     * @param seq sequence number
     * @param time reading time
     * @param celsius temperature
     * @param humidity %RH
     * @param battery %
     * @param door open or closed
     * @param late arrived after its window closed (stored, in no anchored window)
     * @param receivedAt when the gateway stored it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reading(@Min(0) long seq, @NotNull Instant time, double celsius, Float humidity, Float battery,
            @Pattern(regexp = "open|closed") String door, Boolean late, Instant receivedAt) {

        static Reading of(final StoredReading r) {
            return new Reading(r.seq(), r.time(), r.celsius(), r.humidity(), r.battery(),
                    r.doorOpen() == null ? null : r.doorOpen() ? "open" : "closed", r.late(),
                    WindowCloser.instant(r.receivedMicros()));
        }
    }

    /**
     * A page of readings.
     *
     * @param loggerId the logger
     * @param readings in time order
     * @param next the cursor of the next page, or null at the end
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReadingPage(String loggerId, List<Reading> readings, String next) {
    }

    /**
     * A closed window.
     *
     * @param loggerId the logger
     * @param start start
     * @param end end
     * @param readingCount readings in its tree
     * @param merkleRoot hex root
     * @param summary the anchored summary
     * @param status pending, anchored or refused
     * @param txId the anchoring ledger transaction
     * @param blockNumber its block
     * @param error why it is not anchored (yet)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(String loggerId, Instant start, Instant end, int readingCount, String merkleRoot,
            JsonNode summary, String status, String txId, Long blockNumber, String error) {
    }

    /**
     * An excursion.
     *
     * @param excursionId id (also the id of the hold on the ledger)
     * @param loggerId the logger
     * @param rule the rule that fired
     * @param kind high, low or gap
     * @param startedAt when the condition began
     * @param detectedAt when its duration was reached
     * @param minutes its duration then
     * @param peakCelsius most extreme temperature
     * @param status pending, recorded or refused
     * @param txId the ledger transaction that held the goods
     * @param blockNumber its block
     * @param error why it is not recorded (yet)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Excursion(String excursionId, String loggerId, String rule, String kind, Instant startedAt,
            Instant detectedAt, int minutes, Double peakCelsius, String status, String txId, Long blockNumber,
            String error) {
    }

    /**
     * A reading's inclusion proof: RFC 9162 audit path from its leaf (docs/telemetry.md, leaf encoding v1) to the
     * anchored window's root, and where the anchor is on the ledger.
     *
     * @param loggerId the logger
     * @param reading the reading
     * @param leaf hex of the leaf bytes
     * @param leafIndex its position in the window's tree
     * @param treeSize leaves in the tree
     * @param auditPath hex sibling hashes, leaf side first
     * @param merkleRoot hex root
     * @param windowStart window start
     * @param windowEnd window end
     * @param anchorTxId the ledger transaction of {@code telemetry:anchor}
     * @param anchorBlock its block
     */
    public record Proof(@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String loggerId,
            @NotNull @Valid Reading reading, @Size(max = LEAF_HEX_MAX) String leaf, @Min(0) long leafIndex,
            @Min(1) long treeSize,
            @NotNull @Size(max = PATH_MAX) List<@NotNull @Pattern(regexp = SHA256_HEX) String> auditPath,
            @NotNull @Pattern(regexp = SHA256_HEX) String merkleRoot, @NotNull Instant windowStart,
            @NotNull Instant windowEnd, @Size(max = 128) String anchorTxId, Long anchorBlock) {
    }

    /**
     * The checks of a proof.
     *
     * @param leafMatchesReading the leaf rebuilt from the reading's fields equals the proof's leaf
     * @param pathLeadsToRoot the audit path folds the leaf hash into the proof's root
     * @param ledgerAnchorFound the ledger holds an anchor of the logger for exactly this window
     * @param ledgerRootMatches that anchor's root and reading count equal the proof's
     * @param verified all of the above
     * @param ledgerAnchor the anchor as the ledger returned it
     */
    public record Verification(boolean leafMatchesReading, boolean pathLeadsToRoot, boolean ledgerAnchorFound,
            boolean ledgerRootMatches, boolean verified, JsonNode ledgerAnchor) {
    }

    /**
     * A logger, by id.
     *
     * @param loggerId the logger
     */
    public record LoggerId(@NotBlank String loggerId) {
    }

    /**
     * A credential, by id.
     *
     * @param credentialId the credential
     */
    public record CredentialId(@NotBlank String credentialId) {
    }

    /**
     * What to close on demand: one logger, or every logger of a shipment.
     *
     * @param loggerId a logger
     * @param shipmentId a shipment
     */
    public record CloseRequest(String loggerId, String shipmentId) {
    }
}
