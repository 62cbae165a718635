// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.evaluation;

import java.util.Objects;

/**
 * One alarm rule. Thresholds are inclusive, as in the WHO presets (+30.0 °C triggers, 29.9 does not).
 *
 * @param name the rule's name as recorded with an excursion, e.g. {@code who-type1:heat-30-cumulative}
 * @param kind what it watches
 * @param thresholdCelsius HIGH: at or above; LOW: at or below; ignored for GAP
 * @param durationSeconds how long the condition must hold (continuous) or add up to (cumulative) to fire
 * @param mode continuous or cumulative
 */
public record Rule(String name, Kind kind, double thresholdCelsius, long durationSeconds, Mode mode) {

    /** What a rule watches. */
    public enum Kind {
        /** Temperature at or above the threshold. */
        HIGH,
        /** Temperature at or below the threshold. */
        LOW,
        /** No reading covers the time (the logger's record has a hole). */
        GAP;

        /** @return the kind's name on the ledger ({@code high}, {@code low}, {@code gap}) */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How the duration counts. */
    public enum Mode {
        /** One uninterrupted run must last the duration. */
        CONTINUOUS,
        /** Every run since the logger's current association adds up. */
        CUMULATIVE
    }

    /** Checks the parts. */
    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds < 0");
        }
        if (kind != Kind.GAP && !Double.isFinite(thresholdCelsius)) {
            throw new IllegalArgumentException("threshold is not finite");
        }
    }

    /**
     * @param celsius a temperature, or null for no reading
     * @return true if the rule's condition holds
     */
    boolean matches(final Double celsius) {
        return switch (kind) {
            case GAP -> celsius == null;
            case HIGH -> celsius != null && celsius >= thresholdCelsius;
            case LOW -> celsius != null && celsius <= thresholdCelsius;
        };
    }
}
