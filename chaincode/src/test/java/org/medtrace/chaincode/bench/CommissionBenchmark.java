// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.medtrace.chaincode.testing.ChaincodeHarness.Outcome;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * Measures unit:commission against the in-memory ledger through the real contract router: per batch size, the
 * median and maximum wall time (of 15 runs after 3 warm-up runs) of the chaincode invocation (simulation only; commit excluded), the reads and writes per
 * code, and the time per code, so that linear scaling shows as a flat per-code figure. Not a test: run it with
 * {@code ./mvnw -B -pl chaincode -am -Pbenchmark verify -DskipTests}.
 */
public final class CommissionBenchmark {
    private static final int[] SIZES = {100, 1_000, 10_000};
    private static final int WARMUP_RUNS = 3;
    private static final int RUNS = 15;

    private CommissionBenchmark() {
    }

    /**
     * @param args ignored
     */
    public static void main(final String[] args) {
        System.out.println("unit:commission against the in-memory stub (real ContractRouter, real X.509 identity)");
        System.out.printf(Locale.ROOT, "%8s %12s %12s %14s %12s %12s%n", "codes", "median ms", "max ms",
                "us/code (med)", "reads/code", "writes/code");
        for (int i = 0; i < 10; i++) {
            // warm-up: JIT-compile the whole path before anything is measured
            run(new Story(), 1_000, "W" + i + "-");
        }
        double[] medians = new double[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            medians[i] = measure(SIZES[i]);
        }
        System.out.printf(Locale.ROOT, "time ratio 10,000 / 1,000 codes: %.1f (10.0 is linear)%n",
                medians[2] / medians[1]);
        measureSmall();
    }

    private static void run(final Story story, final int size, final String stem) {
        story.vaccineBatchRegistered();
        Outcome outcome = story.harness().evaluate(Parties.HUAXIA, "unit:commission", Json.obj("clientEventId",
                story.clientEventId(), "batchId", Story.VACCINE_BATCH, "packageLevel", 1, "codes",
                Story.codes("88.118.8866", stem, size)).toString());
        if (!outcome.ok()) {
            throw new IllegalStateException(outcome.toString());
        }
    }

    private static double measure(final int size) {
        Story story = new Story();
        story.vaccineBatchRegistered();
        long[] nanos = new long[RUNS];
        double writesPerCode = 0;
        double readsPerCode = 0;
        for (int run = -WARMUP_RUNS; run < RUNS; run++) {
            List<String> codes = Story.codes("88.118.8866", "R" + (run + WARMUP_RUNS) + "-", size);
            var request = Json.obj("clientEventId", story.clientEventId(), "batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", codes).toString();
            long start = System.nanoTime();
            Outcome outcome = story.harness().evaluate(Parties.HUAXIA, "unit:commission", request);
            long elapsed = System.nanoTime() - start;
            if (!outcome.ok()) {
                throw new IllegalStateException(outcome.toString());
            }
            writesPerCode = story.harness().lastStub().writeSet().size() / (double) size;
            readsPerCode = story.harness().lastStub().readCount() / (double) size;
            if (run >= 0) {
                nanos[run] = elapsed;
            }
        }
        Arrays.sort(nanos);
        double median = nanos[RUNS / 2] / 1e6;
        double max = nanos[RUNS - 1] / 1e6;
        System.out.printf(Locale.ROOT, "%8d %12.1f %12.1f %14.1f %12.4f %12.4f%n", size, median, max,
                median * 1000 / size, readsPerCode, writesPerCode);
        return median;
    }

    private static void measureSmall() {
        Story story = new Story();
        story.vaccineBatchRegistered();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            var request = Json.obj("clientEventId", story.clientEventId(), "batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", List.of("88.118.8866/S" + i)).toString();
            long start = System.nanoTime();
            story.harness().submit(Parties.HUAXIA, "unit:commission", request);
            nanos.add(System.nanoTime() - start);
        }
        List<Long> measured = new ArrayList<>(nanos.subList(100, 300));
        measured.sort(Long::compare);
        System.out.printf(Locale.ROOT, "one-code commission, submit+commit: median %.2f ms, p99 %.2f ms%n",
                measured.get(100) / 1e6, measured.get(197) / 1e6);
    }
}
