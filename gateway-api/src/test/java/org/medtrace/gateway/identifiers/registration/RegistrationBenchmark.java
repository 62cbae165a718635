// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.registration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medtrace.gateway.identifiers.node.NodeSettings;
import org.medtrace.gateway.testing.SyntheticLedger;
import org.medtrace.gateway.testing.TestDatabase;
import org.medtrace.gateway.testing.VaccineStory;
import org.medtrace.identifiers.handle.Ttl;

/**
 * How long automatic registration takes for a bulk commissioning of 10,000 codes: the step that reads the units
 * from the read model and writes their records, on PostgreSQL. The events go through the projection code path
 * first (not timed). Prints median and max over the rounds, and the CPU time of the registering thread (the rest
 * is PostgreSQL and waiting for a core). Run:
 * {@code ./mvnw -B -pl gateway-api -am verify -Dtest=RegistrationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbenchmark=registration} ({@code -Dbenchmark.rounds=N}, default 10).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "registration")
class RegistrationBenchmark {

    private static final int CODES = 10_000;
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 10);

    @Test
    void registration_of_a_bulk_commissioning() {
        final DataSource database = TestDatabase.freshDatabase("registration_bench");
        final SyntheticLedger ledger = new SyntheticLedger(database);
        final Instant start = Instant.parse("2026-11-20T01:00:00Z");
        VaccineStory.play(ledger, start);
        final Registration registration = new Registration(database, new ReadModelRecords(new NodeSettings(
                Set.of("88.118.8866"), () -> URI.create("https://trace.example.cn"), Ttl.seconds(86_400), Map.of(),
                Optional.empty(), Clock.systemUTC()), Ttl.seconds(3_600)));
        while (registration.registerNext()) {
            continue;
        }
        final long[] nanos = new long[ROUNDS];
        final long[] cpuNanos = new long[ROUNDS];
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < ROUNDS; round++) {
            final List<String> codes = new ArrayList<>(CODES);
            for (int i = 0; i < CODES; i++) {
                codes.add("88.118.8866/8" + (7_000_000_000_000_000_000L + (long) round * CODES + i));
            }
            final SyntheticLedger.Event commission = ledger.event("ObjectEvent", "unit:commission",
                    "HuaxiaVaccineMSP", start.plusSeconds(3_600 + round)).step("commissioning", "active", "ADD")
                    .epcs(codes).classes(List.of(VaccineStory.PRODUCT), List.of(VaccineStory.BATCH));
            commission.ilmd().put("productId", VaccineStory.PRODUCT).put("batchId", VaccineStory.BATCH)
                    .put("packageLevel", 1);
            ledger.commit(commission);
            final long t = System.nanoTime();
            final long cpu = threads.getCurrentThreadCpuTime();
            if (registration.registerNext()) {
                throw new AssertionError("10,000 codes took more than one step");
            }
            cpuNanos[round] = threads.getCurrentThreadCpuTime() - cpu;
            nanos[round] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        System.out.printf(Locale.ROOT, "registration of %,d commissioned codes in one step: n=%d median=%.0f ms"
                + " max=%.0f ms (%.0f identifiers/s at the median); gateway thread CPU median=%.0f ms%n", CODES,
                ROUNDS, nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS - 1] / 1e6, CODES / (nanos[ROUNDS / 2] / 1e9),
                cpuNanos[ROUNDS / 2] / 1e6);
    }
}
