// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates one closed window of one logger: its summary for the anchor and the alarms its rules raise, carrying
 * runs and cumulative counts over from the windows before.
 *
 * <p>The window's time is cut into segments. A reading holds its value until the next reading; when the next one is
 * further away than the gap threshold, the reading holds for one expected interval and the rest is a gap (no data).
 * The time before the window's first reading is covered by the previous window's last reading in the same way. After
 * the window's last reading, what is known at closing decides: within the gap threshold of the window's end the
 * reading holds to the end, beyond it the rest is a gap. Min and max are over the window's readings; mean and MKT are
 * weighted by the time each of the window's readings holds.
 */
public final class WindowEvaluator {

    /** ΔH/R of the mean kinetic temperature (USP &lt;1160&gt;: 83.144 kJ/mol over 8.3144 J/(mol·K)), kelvin. */
    public static final double MKT_ACTIVATION_KELVIN = 10_000.0;

    private static final double KELVIN_AT_ZERO_CELSIUS = 273.15;
    private static final long MINUTE_MICROS = 60_000_000L;
    private static final int CELSIUS_SCALE = 3;

    /**
     * How readings are spaced.
     *
     * @param expectedIntervalMicros the logger's sampling interval
     * @param gapThresholdMicros a spacing above this is a gap
     */
    public record Settings(long expectedIntervalMicros, long gapThresholdMicros) {
        /** Checks the parts. */
        public Settings {
            if (expectedIntervalMicros <= 0 || gapThresholdMicros < expectedIntervalMicros) {
                throw new IllegalArgumentException("need 0 < expected interval <= gap threshold");
            }
        }
    }

    /**
     * An alarm a rule raised.
     *
     * @param rule the rule
     * @param startedMicros when the condition started (the run's start, or the first counted time for cumulative)
     * @param firedMicros when the duration was reached
     * @param seconds the condition's duration when it fired
     * @param peakCelsius the most extreme temperature counted, null for a gap
     */
    public record Alarm(Rule rule, long startedMicros, long firedMicros, long seconds, Double peakCelsius) {
    }

    /**
     * @param summary the window's summary
     * @param alarms alarms raised in this window, in time order
     * @param state what the next window carries
     */
    public record Result(Summary summary, List<Alarm> alarms, EvaluationState state) {
    }

    private record Segment(long from, long to, Double celsius, boolean own) {
        long micros() {
            return to - from;
        }
    }

    private WindowEvaluator() {
    }

    /**
     * @param startMicros window start (inclusive)
     * @param endMicros window end (exclusive)
     * @param points the window's readings, sorted by time, at least one, all within the window
     * @param before the state the previous window left
     * @param settings spacing
     * @param band the product band
     * @param rules the alarm rules
     * @return summary, alarms and the next state
     */
    public static Result evaluate(final long startMicros, final long endMicros, final List<Point> points,
            final EvaluationState before, final Settings settings, final Band band, final List<Rule> rules) {
        Objects.requireNonNull(before, "before");
        if (points.isEmpty() || endMicros <= startMicros) {
            throw new IllegalArgumentException("a window needs readings and a positive length");
        }
        for (int i = 0; i < points.size(); i++) {
            final long t = points.get(i).timeMicros();
            if (t < startMicros || t >= endMicros || (i > 0 && t < points.get(i - 1).timeMicros())) {
                throw new IllegalArgumentException("readings must be sorted and inside the window");
            }
        }
        final List<Segment> segments = segments(startMicros, endMicros, points, before.last(), settings);
        final Summary summary = summarise(points, segments, band);
        final List<Alarm> alarms = new ArrayList<>();
        final Map<String, EvaluationState.Progress> progress = new HashMap<>();
        for (final Rule rule : rules) {
            progress.put(rule.name(), advance(rule,
                    before.rules().getOrDefault(rule.name(), EvaluationState.Progress.NONE), segments, alarms));
        }
        alarms.sort(java.util.Comparator.comparingLong(Alarm::firedMicros));
        final EvaluationState next = new EvaluationState(points.get(points.size() - 1), before.episodeStartMicros(),
                progress);
        return new Result(summary, List.copyOf(alarms), next);
    }

    /**
     * @param state a state
     * @param episodeStartMicros the current association's start
     * @return the state, with cumulative counts reset if the episode changed
     */
    public static EvaluationState inEpisode(final EvaluationState state, final long episodeStartMicros) {
        if (state.episodeStartMicros() == episodeStartMicros) {
            return state;
        }
        final Map<String, EvaluationState.Progress> reset = new HashMap<>();
        state.rules().forEach((name, p) -> reset.put(name, new EvaluationState.Progress(p.runStartMicros(),
                p.runMicros(), p.runPeak(), p.runFired(), -1, 0, 0.0, false)));
        return new EvaluationState(state.last(), episodeStartMicros, reset);
    }

    private static List<Segment> segments(final long start, final long end, final List<Point> points,
            final Point last, final Settings settings) {
        final List<Segment> out = new ArrayList<>();
        Point previous = last;
        boolean previousOwn = false;
        for (final Point point : points) {
            if (previous != null) {
                cover(out, previous, previousOwn, point.timeMicros(), start, end, settings);
            }
            previous = point;
            previousOwn = true;
        }
        // After the last reading: hold to the end if the end is within the gap threshold, otherwise a gap.
        final long afterLast = end - previous.timeMicros() <= settings.gapThresholdMicros()
                ? end : previous.timeMicros() + settings.expectedIntervalMicros();
        add(out, previous.timeMicros(), afterLast, previous.celsius(), true, start, end);
        add(out, afterLast, end, null, false, start, end);
        return out;
    }

    private static void cover(final List<Segment> out, final Point from, final boolean own, final long nextMicros,
            final long start, final long end, final Settings settings) {
        final long held = nextMicros - from.timeMicros() <= settings.gapThresholdMicros()
                ? nextMicros : from.timeMicros() + settings.expectedIntervalMicros();
        add(out, from.timeMicros(), held, from.celsius(), own, start, end);
        add(out, held, nextMicros, null, false, start, end);
    }

    private static void add(final List<Segment> out, final long from, final long to, final Double celsius,
            final boolean own, final long start, final long end) {
        final long a = Math.max(from, start);
        final long b = Math.min(to, end);
        if (a < b) {
            out.add(new Segment(a, b, celsius, own));
        }
    }

    private static Summary summarise(final List<Point> points, final List<Segment> segments, final Band band) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (final Point p : points) {
            min = Math.min(min, p.celsius());
            max = Math.max(max, p.celsius());
        }
        double weight = 0;
        double weightedSum = 0;
        double arrhenius = 0;
        final Runs above = new Runs();
        final Runs below = new Runs();
        final Runs gaps = new Runs();
        for (final Segment s : segments) {
            final Double c = s.celsius();
            above.add(s, c != null && c > band.maxCelsius());
            below.add(s, c != null && c < band.minCelsius());
            gaps.add(s, c == null);
            if (s.own() && c != null) {
                final double w = s.micros();
                weight += w;
                weightedSum += w * c;
                arrhenius += w * Math.exp(-MKT_ACTIVATION_KELVIN / (c + KELVIN_AT_ZERO_CELSIUS));
            }
        }
        final double mean;
        final double mkt;
        if (weight > 0) {
            mean = weightedSum / weight;
            mkt = MKT_ACTIVATION_KELVIN / -Math.log(arrhenius / weight) - KELVIN_AT_ZERO_CELSIUS;
        } else {
            mean = points.stream().mapToDouble(Point::celsius).average().orElseThrow();
            mkt = mean;
        }
        final BigDecimal lo = celsius(min, RoundingMode.FLOOR);
        final BigDecimal hi = celsius(max, RoundingMode.CEILING);
        return new Summary(lo, hi, clamp(celsius(mean, RoundingMode.HALF_EVEN), lo, hi),
                clamp(celsius(mkt, RoundingMode.HALF_EVEN), lo, hi), minutes(above.total), minutes(below.total),
                minutes(above.longest), minutes(below.longest), gaps.count, minutes(gaps.longest),
                BigDecimal.valueOf(band.minCelsius()).stripTrailingZeros(),
                BigDecimal.valueOf(band.maxCelsius()).stripTrailingZeros());
    }

    /** Runs of adjacent segments meeting a condition. */
    private static final class Runs {
        private long total;
        private long longest;
        private long current;
        private long currentEnd = Long.MIN_VALUE;
        private int count;

        void add(final Segment s, final boolean matches) {
            if (!matches) {
                current = 0;
                return;
            }
            if (current == 0 || currentEnd != s.from()) {
                current = 0;
                count++;
            }
            current += s.micros();
            currentEnd = s.to();
            total += s.micros();
            longest = Math.max(longest, current);
        }
    }

    private static EvaluationState.Progress advance(final Rule rule, final EvaluationState.Progress before,
            final List<Segment> segments, final List<Alarm> alarms) {
        long runStart = before.runStartMicros();
        long run = before.runMicros();
        double runPeak = before.runPeak();
        boolean runFired = before.runFired();
        long totalStart = before.totalStartMicros();
        long total = before.totalMicros();
        double totalPeak = before.totalPeak();
        boolean totalFired = before.totalFired();
        final long due = rule.durationSeconds() * 1_000_000L;
        for (final Segment s : segments) {
            if (!rule.matches(s.celsius())) {
                runStart = -1;
                run = 0;
                runFired = false;
                continue;
            }
            final double value = s.celsius() == null ? 0.0 : s.celsius();
            if (runStart < 0) {
                runStart = s.from();
                runPeak = value;
            }
            runPeak = extreme(rule, runPeak, value);
            if (totalStart < 0) {
                totalStart = s.from();
                totalPeak = value;
            }
            totalPeak = extreme(rule, totalPeak, value);
            if (rule.mode() == Rule.Mode.CONTINUOUS && !runFired && run + s.micros() >= due) {
                alarms.add(alarm(rule, runStart, s.from() + Math.max(0, due - run), due, runPeak));
                runFired = true;
            }
            if (rule.mode() == Rule.Mode.CUMULATIVE && !totalFired && total + s.micros() >= due) {
                alarms.add(alarm(rule, totalStart, s.from() + Math.max(0, due - total), due, totalPeak));
                totalFired = true;
            }
            run += s.micros();
            total += s.micros();
        }
        return new EvaluationState.Progress(runStart, run, runPeak, runFired, totalStart, total, totalPeak,
                totalFired);
    }

    private static Alarm alarm(final Rule rule, final long started, final long fired, final long micros,
            final double peak) {
        return new Alarm(rule, started, fired, micros / 1_000_000L, rule.kind() == Rule.Kind.GAP ? null : peak);
    }

    private static double extreme(final Rule rule, final double a, final double b) {
        return rule.kind() == Rule.Kind.LOW ? Math.min(a, b) : Math.max(a, b);
    }

    private static int minutes(final long micros) {
        return Math.toIntExact(micros / MINUTE_MICROS);
    }

    private static BigDecimal celsius(final double value, final RoundingMode rounding) {
        final BigDecimal rounded = BigDecimal.valueOf(value).setScale(CELSIUS_SCALE, rounding).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private static BigDecimal clamp(final BigDecimal value, final BigDecimal lo, final BigDecimal hi) {
        return value.compareTo(lo) < 0 ? lo : value.compareTo(hi) > 0 ? hi : value;
    }
}
