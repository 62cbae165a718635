// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The embedded default, run as the README runs it ({@code java -jar quarkus-run.jar}: a JVM, an embedded PostgreSQL
 * with its guardian, a chaincode server with its wrapper), under write load (writers commissioning single codes,
 * readers verifying them), with faults injected at random moments: kill -9 of PostgreSQL, of one of its backends,
 * of the chaincode, of the gateway's JVM alone, of the JVM leaving PostgreSQL and the chaincode running, of every
 * process at once; pauses of PostgreSQL and of the chaincode; a SIGTERM under load. The harness restarts the gateway
 * when its JVM is gone, at once, as a supervisor would. After each fault it checks that the gateway recovered by
 * itself within a bound (and prints how long it took), that every acknowledged write is visible, that the read model
 * and the ledger agree on every code (nothing half-visible), that no request got a 500 (or went unanswered while the
 * gateway was up), and that nothing of an earlier run still runs.
 *
 * <p>{@code ./mvnw -B verify} runs a few cycles; the full suite runs with {@code -Dfaults.cycles=N}, optionally
 * {@code -Dfaults.seed=S} to repeat a run and {@code -Dfaults.pause-seconds=P} (README, docs/fault-recovery.md).
 */
class FaultInjectionIT {

    /** The faults, each injected into a gateway under load. */
    enum Fault {
        POSTGRES_KILL, POSTGRES_BACKEND_KILL, POSTGRES_PAUSE, CHAINCODE_KILL, CHAINCODE_PAUSE, GATEWAY_KILL,
        GATEWAY_KILL_LEAVING_CHILDREN, EVERYTHING_KILL, GATEWAY_TERM;

        boolean restartsGateway() {
            return ordinal() >= GATEWAY_KILL.ordinal();
        }
    }

    /** What the quick run in {@code ./mvnw verify} injects: the three worst faults, one each. */
    private static final List<Fault> QUICK = List.of(Fault.POSTGRES_KILL, Fault.CHAINCODE_KILL,
            Fault.GATEWAY_KILL_LEAVING_CHILDREN, Fault.GATEWAY_TERM);
    private static final int WRITERS = 4;
    private static final int READERS = 2;
    /** Bounds of "recovered by itself": generous, as shared build machines start a JVM slowly. */
    private static final Duration RECOVERY_MAX = Duration.ofSeconds(120);
    private static final Duration RESTART_MAX = Duration.ofSeconds(300);

    private record Cycle(int number, Fault fault, double atSeconds, Duration recovery, int acknowledgedSoFar) {
    }

    private final List<Cycle> cycles = new ArrayList<>();
    private Random random;
    private Path jar;
    private Path data;
    private int port;
    private Http http;
    private GatewayRun run;
    private int runs;
    private Load load;
    private Checks checks;
    private long suiteStartNanos;

    @Test
    void every_fault_recovers_by_itself_and_loses_nothing() throws Exception {
        final long seed = Long.getLong("faults.seed", System.nanoTime());
        final List<Fault> plan = plan(Integer.getInteger("faults.cycles", 0), new Random(seed));
        System.out.printf("fault injection: seed %d, %d cycles: %s%n", seed, plan.size(), plan);
        random = new Random(seed);
        jar = Path.of(System.getProperty("gateway.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        data = Path.of("target", "test-data", "faults-" + System.currentTimeMillis(), "data").toAbsolutePath();
        port = freePort();
        http = new Http(port);
        suiteStartNanos = System.nanoTime();
        run = GatewayRun.start(jar, data, port, ++runs);
        try {
            injectAll(plan, seed);
        } finally {
            if (run.alive()) {
                run.tree().all().forEach(GatewayRun::kill9); // a failed check: leave nothing behind
            }
        }
        assertThat(load.violations()).as("answers a client should not get").isEmpty();
        assertThat(checks.problems()).as("lost, half-visible or left-over").isEmpty();
    }

    private void injectAll(final List<Fault> plan, final long seed) throws Exception {
        System.out.printf("gateway ready %.1f s after its start%n", seconds(run.awaitReady(http, RESTART_MAX)));
        final Products products = Products.register(http,
                Long.toString(Math.abs(seed) % 1_000_000_000L + 1_000_000_000L).substring(1), WRITERS);
        load = new Load(http, products.productCode(), products.batches(), seed);
        checks = new Checks(http, load, products.probeBatch(), random);
        load.start(READERS);
        try {
            for (int i = 0; i < plan.size(); i++) {
                Thread.sleep(2_000 + random.nextInt(6_000)); // a random moment of the load
                final double at = seconds(Duration.ofNanos(System.nanoTime() - suiteStartNanos));
                final Duration recovery = inject(plan.get(i));
                cycles.add(new Cycle(i + 1, plan.get(i), at, recovery, load.acknowledged().size()));
                System.out.printf("cycle %d: %s at %.1f s, recovered in %.1f s, %d writes acknowledged so far%n",
                        i + 1, plan.get(i), at, seconds(recovery), load.acknowledged().size());
                checks.acknowledgedWrites();
                report("answers a client should not get", load.violations());
                report("lost, half-visible or left-over", checks.problems());
            }
        } finally {
            load.stop();
        }
        finalChecks();
        System.out.println(report(seed));
    }

    private static List<Fault> plan(final int cycles, final Random random) {
        if (cycles <= 0) {
            return QUICK;
        }
        final List<Fault> plan = new ArrayList<>();
        while (plan.size() < cycles) {
            final List<Fault> round = new ArrayList<>(List.of(Fault.values()));
            Collections.shuffle(round, random);
            plan.addAll(round.subList(0, Math.min(round.size(), cycles - plan.size())));
        }
        return plan;
    }

    /** Injects the fault and waits for the recovery; returns its time from the fault (from the end of a pause). */
    private Duration inject(final Fault fault) throws Exception {
        final long from;
        if (fault.restartsGateway()) {
            from = restartAfter(fault);
        } else {
            from = injectInto(fault);
        }
        return checks.awaitRecovery(from, fault.restartsGateway() ? RESTART_MAX : RECOVERY_MAX, run.log());
    }

    /** Faults the gateway lives through. @return when the fault ended */
    private long injectInto(final Fault fault) throws InterruptedException {
        final GatewayRun.Tree tree = run.tree();
        final Duration pause = Duration.ofSeconds(Integer.getInteger("faults.pause-seconds", 20));
        switch (fault) {
            case POSTGRES_KILL -> GatewayRun.kill9(tree.postmaster());
            case POSTGRES_BACKEND_KILL -> {
                final List<Long> backends = run.clientBackends();
                assertThat(backends).as("client backends of the pool").isNotEmpty();
                GatewayRun.kill9(backends.get(random.nextInt(backends.size())));
            }
            case CHAINCODE_KILL -> GatewayRun.kill9(tree.chaincode());
            case POSTGRES_PAUSE, CHAINCODE_PAUSE -> {
                final List<Long> paused = new ArrayList<>();
                if (fault == Fault.POSTGRES_PAUSE) {
                    paused.add(tree.postmaster());
                    paused.addAll(tree.postgresChildren());
                } else {
                    paused.add(tree.chaincode());
                }
                paused.forEach(pid -> GatewayRun.signal(pid, "STOP"));
                Thread.sleep(pause.toMillis());
                paused.forEach(pid -> GatewayRun.signal(pid, "CONT"));
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
        return System.nanoTime();
    }

    /**
     * Faults that end the gateway's JVM: inject, then start the gateway again at once, as a supervisor would.
     * After a SIGTERM the JVM must stop within a bound with nothing left running; after every fault, nothing of the
     * earlier run may still run once the new run is ready.
     *
     * @return when the fault was injected
     */
    private long restartAfter(final Fault fault) throws Exception {
        final GatewayRun.Tree before = run.tree();
        load.outage(fault == Fault.GATEWAY_TERM);
        final long injected = System.nanoTime();
        switch (fault) {
            case GATEWAY_KILL -> run.kill();
            case GATEWAY_KILL_LEAVING_CHILDREN -> {
                // as if the JVM had died with its watchers: PostgreSQL and the chaincode server keep running
                GatewayRun.kill9(before.guardian());
                GatewayRun.kill9(before.chaincodeWrapper());
                run.kill();
            }
            case EVERYTHING_KILL -> before.all().forEach(GatewayRun::kill9);
            case GATEWAY_TERM -> stopCleanly(before, "a SIGTERM under load");
            default -> throw new IllegalArgumentException(fault.name());
        }
        assertThat(run.awaitExit(Duration.ofSeconds(30))).as("the JVM is gone").isTrue();
        run = GatewayRun.start(jar, data, port, ++runs);
        final Duration ready = run.awaitReady(http, RESTART_MAX);
        load.recovered();
        System.out.printf("  gateway run %d ready %.1f s after its start%n", runs, seconds(ready));
        final List<Long> left = before.stillRunning();
        if (!left.isEmpty()) {
            checks.problem(fault + ": processes " + left + " of the earlier run still run");
        }
        return injected;
    }

    /**
     * With the load stopped: every code ever attempted (acknowledged or not) agrees between read model and ledger,
     * no genuine code raised an UNKNOWN_CODE alert, and a final SIGTERM leaves nothing running.
     */
    private void finalChecks() throws Exception {
        checks.awaitRecovery(System.nanoTime(), RECOVERY_MAX, run.log());
        checks.agree(load.attempted(), load.acknowledged());
        checks.noFalseAlerts();
        stopCleanly(run.tree(), "the final SIGTERM");
    }

    /**
     * SIGTERM: the JVM stops within a bound, after its drain of the requests in flight ended by itself (new requests
     * refused) rather than by quarkus.shutdown.timeout, and nothing of the run is left running.
     */
    private void stopCleanly(final GatewayRun.Tree tree, final String what) throws Exception {
        final long sent = System.nanoTime();
        run.terminate();
        assertThat(run.awaitExit(Duration.ofSeconds(120))).as("the JVM stops after " + what).isTrue();
        System.out.printf("  %s: the gateway stopped in %.1f s%n", what,
                seconds(Duration.ofNanos(System.nanoTime() - sent)));
        if (Files.readString(run.log(), StandardCharsets.UTF_8).contains("Timed out waiting for graceful shutdown")) {
            checks.problem(what + ": the drain of the requests in flight timed out (requests were cut)");
        }
        final List<Long> left = tree.stillRunning();
        if (!left.isEmpty()) {
            checks.problem(what + " left " + left + " running");
        }
    }

    private String report(final long seed) throws IOException {
        final StringBuilder text = new StringBuilder("\nfault injection: seed " + seed + ", " + cycles.size()
                + " cycles, " + load.acknowledged().size() + " writes acknowledged, " + load.attempted().size()
                + " attempted\n\n| cycle | fault | at (s) | recovered in (s) |\n|---|---|---|---|\n");
        for (final Cycle cycle : cycles) {
            text.append(String.format("| %d | %s | %.1f | %.1f |%n", cycle.number(), cycle.fault(), cycle.atSeconds(),
                    seconds(cycle.recovery())));
        }
        text.append("\n| fault | cycles | recovered in, min / median / max (s) |\n|---|---|---|\n");
        for (final Fault fault : Fault.values()) {
            final List<Double> times = cycles.stream().filter(c -> c.fault() == fault)
                    .map(c -> seconds(c.recovery())).sorted().toList();
            if (!times.isEmpty()) {
                text.append(String.format("| %s | %d | %.1f / %.1f / %.1f |%n", fault, times.size(), times.get(0),
                        times.get(times.size() / 2), times.get(times.size() - 1)));
            }
        }
        text.append("\nanswers:\n");
        load.counts().forEach((what, n) -> text.append("  ").append(what).append(": ").append(n).append('\n'));
        Files.writeString(data.resolveSibling("fault-recovery-report.md"), text, StandardCharsets.UTF_8);
        return text.toString();
    }

    private static void report(final String what, final List<String> found) {
        if (!found.isEmpty()) {
            System.out.printf("  %s so far: %d, the last: %s%n", what, found.size(), found.get(found.size() - 1));
        }
    }

    private static double seconds(final Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
