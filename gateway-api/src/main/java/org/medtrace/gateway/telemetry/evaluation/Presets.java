// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Named alarm rule sets. The WHO ones are the published presets of electronic temperature indicators; {@code band}
 * alarms on the product's own storage band. Every set gets the gap rule when gap alarms are on.
 */
public final class Presets {

    /** The names {@link #rules} knows. */
    public static final List<String> NAMES = List.of("who-fridge", "who-type1", "who-type2", "band");

    private static final long HOUR = 3600;

    private Presets() {
    }

    /**
     * @param preset one of {@link #NAMES}
     * @param band the product's band (used by {@code band})
     * @param bandToleranceSeconds how long {@code band} lets the temperature stay outside the band
     * @param gapAlarmSeconds a hole in the record this long raises a gap excursion; 0 = never
     * @return the rules
     * @throws IllegalArgumentException for an unknown preset
     */
    public static List<Rule> rules(final String preset, final Band band, final long bandToleranceSeconds,
            final long gapAlarmSeconds) {
        final String name = preset.toLowerCase(Locale.ROOT);
        final List<Rule> rules = new ArrayList<>(switch (name) {
            // PQS E006 30-day fridge recorders: heat >= +8 for 10 h continuous, freeze <= -0.5 for 60 min.
            case "who-fridge" -> List.of(
                    rule(name, "heat-8", Rule.Kind.HIGH, 8.0, 10 * HOUR, Rule.Mode.CONTINUOUS),
                    rule(name, "freeze", Rule.Kind.LOW, -0.5, HOUR, Rule.Mode.CONTINUOUS));
            // WHO shipping indicator type 1 (freeze-sensitive vaccines).
            case "who-type1" -> List.of(
                    rule(name, "heat-45", Rule.Kind.HIGH, 45.0, HOUR, Rule.Mode.CONTINUOUS),
                    rule(name, "heat-30", Rule.Kind.HIGH, 30.0, 10 * HOUR, Rule.Mode.CUMULATIVE),
                    rule(name, "freeze", Rule.Kind.LOW, -0.5, HOUR, Rule.Mode.CONTINUOUS));
            // WHO shipping indicator type 2 (heat-sensitive, freeze-tolerant vaccines).
            case "who-type2" -> List.of(
                    rule(name, "heat-45", Rule.Kind.HIGH, 45.0, HOUR, Rule.Mode.CONTINUOUS),
                    rule(name, "heat-30", Rule.Kind.HIGH, 30.0, 10 * HOUR, Rule.Mode.CUMULATIVE),
                    rule(name, "heat-10", Rule.Kind.HIGH, 10.0, 20 * HOUR, Rule.Mode.CUMULATIVE));
            // Outside the product's band (strictly) for longer than the tolerance.
            case "band" -> List.of(
                    rule(name, "above", Rule.Kind.HIGH, Math.nextUp(band.maxCelsius()), bandToleranceSeconds,
                            Rule.Mode.CONTINUOUS),
                    rule(name, "below", Rule.Kind.LOW, Math.nextDown(band.minCelsius()), bandToleranceSeconds,
                            Rule.Mode.CONTINUOUS));
            default -> throw new IllegalArgumentException("unknown preset " + preset + "; known: " + NAMES);
        });
        if (gapAlarmSeconds > 0) {
            rules.add(new Rule("gap", Rule.Kind.GAP, 0, gapAlarmSeconds, Rule.Mode.CONTINUOUS));
        }
        return List.copyOf(rules);
    }

    private static Rule rule(final String preset, final String name, final Rule.Kind kind, final double celsius,
            final long seconds, final Rule.Mode mode) {
        return new Rule(preset + ":" + name, kind, celsius, seconds, mode);
    }
}
