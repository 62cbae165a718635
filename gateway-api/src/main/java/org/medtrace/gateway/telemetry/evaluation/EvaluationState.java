// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.evaluation;

import java.util.Map;

/**
 * What the evaluation of a logger carries from one window to the next: its last reading (for gaps and for the time
 * up to the next reading) and each rule's progress.
 *
 * @param last the last evaluated reading, or null before the first
 * @param episodeStartMicros start of the logger's current association; cumulative rules count from there
 * @param rules progress by rule name
 */
public record EvaluationState(Point last, long episodeStartMicros, Map<String, Progress> rules) {

    /** The state of a logger never evaluated. */
    public static final EvaluationState INITIAL = new EvaluationState(null, Long.MIN_VALUE, Map.of());

    /** Copies the map. */
    public EvaluationState {
        rules = Map.copyOf(rules);
    }

    /**
     * One rule's progress.
     *
     * @param runStartMicros start of the current run, or -1 when not in a run
     * @param runMicros length of the current run
     * @param runPeak most extreme temperature of the current run
     * @param runFired the current run raised its excursion already
     * @param totalStartMicros when the cumulative count first grew in this episode, or -1
     * @param totalMicros cumulative time in this episode
     * @param totalPeak most extreme temperature counted
     * @param totalFired the cumulative count raised its excursion already
     */
    public record Progress(long runStartMicros, long runMicros, double runPeak, boolean runFired,
            long totalStartMicros, long totalMicros, double totalPeak, boolean totalFired) {

        /** Nothing counted yet. */
        public static final Progress NONE = new Progress(-1, 0, 0.0, false, -1, 0, 0.0, false);
    }
}
