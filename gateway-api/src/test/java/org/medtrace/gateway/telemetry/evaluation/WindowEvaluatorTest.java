// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowEvaluatorTest {

    private static final long MIN = 60_000_000L;
    private static final WindowEvaluator.Settings FIVE_MINUTES = new WindowEvaluator.Settings(5 * MIN,
            (long) (7.5 * MIN));

    private static List<Point> every5(final long fromMinute, final double... celsius) {
        final List<Point> out = new ArrayList<>();
        for (int i = 0; i < celsius.length; i++) {
            out.add(new Point((fromMinute + 5L * i) * MIN, celsius[i]));
        }
        return out;
    }

    private static WindowEvaluator.Result evaluate(final long from, final long to, final List<Point> points,
            final EvaluationState before, final List<Rule> rules) {
        return WindowEvaluator.evaluate(from * MIN, to * MIN, points, before, FIVE_MINUTES, Band.VACCINE_DEFAULT,
                rules);
    }

    @Test
    void mkt_matches_the_worked_example_20_h_at_5_and_4_h_at_9_5() {
        final List<Point> points = List.of(new Point(0, 5.0), new Point(20 * 60 * MIN, 9.5));
        final WindowEvaluator.Settings hourly = new WindowEvaluator.Settings(20 * 60 * MIN, 20 * 60 * MIN);
        final Summary s = WindowEvaluator.evaluate(0, 24 * 60 * MIN, points, EvaluationState.INITIAL, hourly,
                Band.VACCINE_DEFAULT, List.of()).summary();
        assertThat(s.meanCelsius()).isEqualByComparingTo("5.75");
        assertThat(s.mktCelsius().doubleValue()).isBetween(5.93, 5.95);
        assertThat(s.minutesAbove()).isEqualTo(4 * 60);
        assertThat(s.longestAboveMinutes()).isEqualTo(4 * 60);
    }

    @Test
    void minutes_outside_the_band_and_gaps_are_counted() {
        // 0..60 min: readings every 5 min, a 20-minute hole after minute 20, 9 °C from minute 40 to 50.
        final List<Point> points = new ArrayList<>(every5(0, 5, 5, 5, 5, 5));
        points.addAll(every5(40, 9, 9, 5, 5));
        final Summary s = evaluate(0, 60, points, EvaluationState.INITIAL, List.of()).summary();
        assertThat(s.minCelsius()).isEqualByComparingTo("5");
        assertThat(s.maxCelsius()).isEqualByComparingTo("9");
        assertThat(s.minutesAbove()).isEqualTo(10);
        assertThat(s.longestAboveMinutes()).isEqualTo(10);
        assertThat(s.minutesBelow()).isZero();
        assertThat(s.gapCount()).isEqualTo(1);
        assertThat(s.longestGapMinutes()).isEqualTo(15); // the reading at 20 holds 5 min, then 25..40 is unknown
        assertThat(s.bandMinCelsius()).isEqualByComparingTo(BigDecimal.valueOf(2));
    }

    @Test
    void a_continuous_run_carries_over_windows_and_fires_once_when_its_duration_is_reached() {
        final Rule freeze = new Rule("freeze", Rule.Kind.LOW, -0.5, 3600, Rule.Mode.CONTINUOUS);
        final double[] cold = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        final WindowEvaluator.Result first = evaluate(0, 60, every5(30, -1, -1, -1, -1, -1, -1),
                EvaluationState.INITIAL, List.of(freeze));
        assertThat(first.alarms()).isEmpty();
        final WindowEvaluator.Result second = evaluate(60, 120, every5(60, cold), first.state(), List.of(freeze));
        assertThat(second.alarms()).hasSize(1);
        final WindowEvaluator.Alarm alarm = second.alarms().get(0);
        assertThat(alarm.startedMicros()).isEqualTo(30 * MIN);
        assertThat(alarm.firedMicros()).isEqualTo(90 * MIN);
        assertThat(alarm.peakCelsius()).isEqualTo(-1.0);
        final WindowEvaluator.Result third = evaluate(120, 180, every5(120, cold), second.state(), List.of(freeze));
        assertThat(third.alarms()).as("the same run fires once").isEmpty();
    }

    @Test
    void a_warm_reading_breaks_a_continuous_run_but_not_a_cumulative_count() {
        final Rule run = new Rule("run", Rule.Kind.HIGH, 30, 20 * 60, Rule.Mode.CONTINUOUS);
        final Rule total = new Rule("total", Rule.Kind.HIGH, 30, 20 * 60, Rule.Mode.CUMULATIVE);
        final List<Point> points = every5(0, 31, 31, 31, 5, 31, 31, 31, 5);
        final WindowEvaluator.Result r = evaluate(0, 60, points, EvaluationState.INITIAL, List.of(run, total));
        assertThat(r.alarms()).extracting(a -> a.rule().name()).containsExactly("total");
        assertThat(r.alarms().get(0).firedMicros()).isEqualTo(25 * MIN); // 15 min + 5 of the second run
    }

    @Test
    void thresholds_are_inclusive_as_in_the_who_presets() {
        final Rule heat = Presets.rules("who-type1", Band.VACCINE_DEFAULT, 0, 0).get(1);
        assertThat(heat.matches(30.0)).isTrue();
        assertThat(heat.matches(29.9)).isFalse();
    }

    @Test
    void a_gap_rule_fires_on_a_hole_in_the_record_and_gaps_break_temperature_runs() {
        final Rule gap = new Rule("gap", Rule.Kind.GAP, 0, 30 * 60, Rule.Mode.CONTINUOUS);
        final List<Point> points = List.of(new Point(0, 5), new Point(50 * MIN, 5));
        final WindowEvaluator.Result r = evaluate(0, 60, points, EvaluationState.INITIAL, List.of(gap));
        assertThat(r.alarms()).hasSize(1);
        assertThat(r.alarms().get(0).startedMicros()).isEqualTo(5 * MIN);
        assertThat(r.alarms().get(0).peakCelsius()).isNull();
    }

    @Test
    void a_new_association_resets_cumulative_counts() {
        final Rule total = new Rule("total", Rule.Kind.HIGH, 30, 20 * 60, Rule.Mode.CUMULATIVE);
        final WindowEvaluator.Result r = evaluate(0, 60, every5(0, 31, 31, 5), EvaluationState.INITIAL,
                List.of(total));
        assertThat(r.state().rules().get("total").totalMicros()).isEqualTo(10 * MIN);
        final EvaluationState moved = WindowEvaluator.inEpisode(r.state(), 123);
        assertThat(moved.rules().get("total").totalMicros()).isZero();
        assertThat(WindowEvaluator.inEpisode(moved, 123)).isSameAs(moved);
    }
}
