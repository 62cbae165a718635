// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.loggers;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.web.Common;

/**
 * Request bodies of the cold-chain logger writes. Telemetry ingestion (raw readings, Merkle trees, the excursion
 * engine) is a separate piece that will call the same ledger writes.
 */
public final class LoggerRequests {

    private LoggerRequests() {
    }

    /**
     * {@code telemetry:registerLogger}.
     *
     * @param loggerId the logger's id
     * @param model device model
     * @param calibrationDueDate next calibration
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Register(@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String loggerId,
            @Size(max = 255) String model, LocalDate calibrationDueDate) {
    }

    /**
     * {@code telemetry:revokeLogger}.
     *
     * @param loggerId the logger
     */
    public record Revoke(@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String loggerId) {
    }

    /**
     * {@code telemetry:associate} / {@code telemetry:dissociate}.
     *
     * @param loggerId the logger
     * @param targets the goods (codes in any scanned form); for dissociate null means all
     * @param eventTime when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Association(@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String loggerId,
            @Size(min = 1, max = Common.CODES_MAX) List<@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String> targets,
            Instant eventTime) {
    }

    /**
     * {@code telemetry:anchor}: a window of readings anchored by its Merkle root and summary.
     *
     * @param loggerId the logger
     * @param windowStart window start
     * @param windowEnd window end
     * @param merkleRoot hex SHA-256
     * @param readingCount readings in the window
     * @param summary the window's summary
     */
    public record Anchor(@NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String loggerId, @NotNull Instant windowStart,
            @NotNull Instant windowEnd, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String merkleRoot,
            @NotNull @Min(1) Integer readingCount, @NotNull @Valid Summary summary) {
    }

    /**
     * Window summary (°C and minutes).
     *
     * @param minCelsius min
     * @param maxCelsius max
     * @param meanCelsius mean
     * @param mktCelsius mean kinetic temperature
     * @param minutesAbove minutes above the band
     * @param minutesBelow minutes below the band
     * @param longestAboveMinutes longest run above
     * @param longestBelowMinutes longest run below
     * @param gapCount gaps
     * @param longestGapMinutes longest gap
     * @param bandMinCelsius band low
     * @param bandMaxCelsius band high
     */
    public record Summary(@NotNull BigDecimal minCelsius, @NotNull BigDecimal maxCelsius,
            @NotNull BigDecimal meanCelsius, @NotNull BigDecimal mktCelsius, @NotNull @Min(0) Integer minutesAbove,
            @NotNull @Min(0) Integer minutesBelow, @NotNull @Min(0) Integer longestAboveMinutes,
            @NotNull @Min(0) Integer longestBelowMinutes, @NotNull @Min(0) Integer gapCount,
            @NotNull @Min(0) Integer longestGapMinutes, @NotNull BigDecimal bandMinCelsius,
            @NotNull BigDecimal bandMaxCelsius) {
    }

    /**
     * {@code telemetry:excursion}: holds everything associated with the logger.
     *
     * @param excursionId the excursion's id (also the hold's id)
     * @param loggerId the logger
     * @param kind high, low or gap
     * @param startedAt start
     * @param endedAt end, if over
     * @param minutes duration
     * @param peakCelsius peak
     * @param rule the rule that fired
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Excursion(@NotBlank @Pattern(regexp = Common.ID_PATTERN) String excursionId,
            @NotBlank @Size(max = CodeParser.SCANNED_LENGTH_MAX) String loggerId,
            @NotNull @Pattern(regexp = "high|low|gap") String kind, @NotNull Instant startedAt, Instant endedAt,
            @NotNull @Min(0) Integer minutes, BigDecimal peakCelsius, @NotBlank @Size(max = 255) String rule) {
    }
}
