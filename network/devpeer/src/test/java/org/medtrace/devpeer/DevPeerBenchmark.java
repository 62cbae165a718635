// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signers;
import org.medtrace.devpeer.crypto.P256;
import org.medtrace.devpeer.crypto.P256Signers;

/**
 * Drives a dev peer, started as a process of its own ({@link DevPeerMain}, as the gateway would reach it), with N
 * concurrent fabric-gateway clients in this JVM, and prints committed transactions per second, commit latency
 * percentiles, CPU per transaction of clients, peer and chaincode, and the latency of a lone submit on an idle peer.
 *
 * <p>System properties: {@code bench.clients} (64), {@code bench.seconds} (20), {@code bench.warmupSeconds} (60: the
 * JIT needs that long on a busy 2-core machine),
 * {@code bench.channels} (4 gRPC connections shared by the clients), {@code bench.sdkSigner} (false: the clients
 * sign with {@link P256Signers}; true: with the SDK's {@link Signers}), {@code bench.workload} ({@code commission}:
 * the project's chaincode from {@code bench.chaincodeJar}, run as a child process, commissioning
 * {@code bench.codesPerTx} unit codes per transaction; {@code asset}: the test contract in this JVM),
 * {@code bench.tls} (true; false: plaintext gRPC, {@code --tls false}), {@code bench.peer} ({@code devpeer}, or
 * {@code stub}: {@link org.medtrace.devpeer.server.ClientFloorGateway}, which answers at once without any work, so
 * the clients' CPU per transaction is their floor), {@code bench.jfr} (a directory: JDK Flight Recorder files of
 * every process for the measured window).
 */
public final class DevPeerBenchmark {
    private DevPeerBenchmark() {
    }

    /** Runs the benchmark and prints the figures. */
    public static void main(final String[] args) throws Exception {
        final int clients = Integer.getInteger("bench.clients", 64);
        final int seconds = Integer.getInteger("bench.seconds", 20);
        final int warmup = Integer.getInteger("bench.warmupSeconds", 60);
        final int channels = Integer.getInteger("bench.channels", 4);
        // The SDK's own signer (JCA: BouncyCastle or the JDK) costs the clients about a millisecond per signature.
        final boolean sdkSigner = Boolean.getBoolean("bench.sdkSigner");
        final BenchmarkWorkload workload = BenchmarkWorkload.named(System.getProperty("bench.workload", "asset"),
                Integer.getInteger("bench.codesPerTx", 1));
        final String jar = workload.chaincode().equals(PeerFixture.CHAINCODE) ? ""
                : System.getProperty("bench.chaincodeJar", "");
        final boolean tls = Boolean.parseBoolean(System.getProperty("bench.tls", "true"));
        final boolean stub = "stub".equals(System.getProperty("bench.peer", "devpeer"));
        final String jfr = System.getProperty("bench.jfr", "");
        final Path dir = PeerFixture.freshDirectory("bench");
        final String chaincode = jar.isEmpty() ? "--chaincode-address" : "--chaincode-jar";
        final String target = jar.isEmpty() && !stub ? TestChaincodeServer.address() : jar;
        final Process peer = stub ? launchStub(dir, tls)
                : launchPeer(dir, tls, chaincode, workload.chaincode() + "=" + target);
        try {
            final int port = awaitPort(dir.resolve("port"), peer);
            final EnrolledIdentity identity = new EnrolledIdentity("HuaxiaVaccineMSP", "bench", "manufacturer",
                    dir.resolve("organizations/HuaxiaVaccineMSP/users/bench/cert.pem"),
                    dir.resolve("organizations/HuaxiaVaccineMSP/users/bench/key.pem"));
            final List<ManagedChannel> connections = new ArrayList<>();
            final List<Gateway> gateways = new ArrayList<>();
            for (int i = 0; i < channels; i++) {
                connections.add(io.grpc.Grpc.newChannelBuilderForAddress("127.0.0.1", port, tls
                        ? io.grpc.TlsChannelCredentials.newBuilder().trustManager(dir.resolve("tls/ca-cert.pem")
                                .toFile()).build()
                        : io.grpc.InsecureChannelCredentials.create()).overrideAuthority("peer0.devpeer.medtrace")
                        .build());
            }
            for (int i = 0; i < clients; i++) {
                gateways.add(PeerFixture.gateway(connections.get(i % channels), identity, sdkSigner
                        ? Signers::newPrivateKeySigner
                        : P256Signers::newPrivateKeySigner));
            }
            final Contract setup = gateways.get(0).getNetwork("medtrace").getContract(workload.chaincode());
            if (!jar.isEmpty() && !stub) {
                bootstrapConsortium(connections.get(0), dir, workload.chaincode());
            }
            workload.setUp(setup);
            System.out.printf(Locale.ROOT, "devpeer benchmark: %d clients over %d %s connections to %s,"
                    + " workload %s (%s); clients sign with %s%n", clients, channels, tls ? "TLS" : "plaintext",
                    stub ? "the no-work stub gateway (client floor)" : "a peer process", workload.name(),
                    stub ? "no chaincode runs" : jar.isEmpty() ? "test contract in the benchmark JVM"
                            : jar + " as the peer's child process",
                    sdkSigner ? "the SDK's Signers" : "P256Signers, " + P256.implementation());
            run(gateways, workload, warmup, false);
            lone(setup, workload);
            final Profiler profiler = Profiler.start(jfr, peer);
            final long[] cpuBefore = cpuNanos(peer);
            final Result result = run(gateways, workload, seconds, true);
            final long[] cpuAfter = cpuNanos(peer);
            profiler.stop();
            final long blocks = result.lastBlock.get() - result.firstBlock.get() + 1;
            System.out.printf(Locale.ROOT, "load: %d committed in %.1f s = %.0f committed tx/s; commit latency p50 %.1f ms,"
                    + " p99 %.1f ms; %d not valid, %d failed; %d blocks, %.1f tx/block%n", result.committed,
                    result.seconds, result.committed / result.seconds, result.percentile(50), result.percentile(99),
                    result.invalid, result.failed, blocks, (double) result.committed / Math.max(1, blocks));
            final double perTx = 1e6 * Math.max(1, result.committed);
            System.out.printf(Locale.ROOT, "cpu per committed tx: clients %.2f ms%s, peer %.2f ms, chaincode %.2f ms;"
                    + " machine: %d cores, load average %.1f%n", (cpuAfter[0] - cpuBefore[0]) / perTx,
                    jar.isEmpty() ? " (with the test chaincode)" : "", (cpuAfter[1] - cpuBefore[1]) / perTx,
                    (cpuAfter[2] - cpuBefore[2]) / perTx, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "of which JIT compiler threads: clients %.2f ms, peer %.2f ms, chaincode"
                    + " %.2f ms%n", (cpuAfter[3] - cpuBefore[3]) / perTx, (cpuAfter[4] - cpuBefore[4]) / perTx,
                    (cpuAfter[5] - cpuBefore[5]) / perTx);
            gateways.forEach(Gateway::close);
            connections.forEach(ManagedChannel::shutdownNow);
        } finally {
            peer.destroy();
            peer.waitFor(30, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private static Process launchPeer(final Path dir, final boolean tls, final String chaincodeOption,
            final String chaincode) throws java.io.IOException {
        return launch(dir, DevPeerMain.class.getName(), "--data-dir", dir.toString(), "--orgs",
                String.join(",", PeerFixture.ORGS), chaincodeOption, chaincode, "--port-file",
                dir.resolve("port").toString(), "--enroll", "HuaxiaVaccineMSP:bench:manufacturer", "--enroll",
                Consortium.AUTHORITY + ":bench-authority:regulator", "--chaincode-env",
                "MEDTRACE_CONSORTIUM_AUTHORITY=" + Consortium.AUTHORITY, "--tls", Boolean.toString(tls));
    }

    /** The project's chaincode acts only for registry members: the authority registers the bench's manufacturer. */
    private static void bootstrapConsortium(final ManagedChannel connection, final Path dir, final String chaincode)
            throws Exception {
        final Path user = dir.resolve("organizations/" + Consortium.AUTHORITY + "/users/bench-authority");
        final EnrolledIdentity authority = new EnrolledIdentity(Consortium.AUTHORITY, "bench-authority",
                "regulator", user.resolve("cert.pem"), user.resolve("key.pem"));
        try (Gateway gateway = PeerFixture.gateway(connection, authority, Signers::newPrivateKeySigner)) {
            Consortium.bootstrap(gateway.getNetwork("medtrace").getContract(chaincode));
        }
    }

    /** The stub answers with the sizes of a {@code unit:commission} transaction of the peer (read from a block). */
    private static Process launchStub(final Path dir, final boolean tls) throws java.io.IOException {
        return launch(dir, org.medtrace.devpeer.server.ClientFloorGateway.class.getName(), dir.toString(),
                dir.resolve("port").toString(), Boolean.toString(tls), "1969", "872", "207");
    }

    private static Process launch(final Path dir, final String mainClass, final String... args)
            throws java.io.IOException {
        final List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                mainClass));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("peer.log").toFile());
        return builder.start();
    }

    private static int awaitPort(final Path portFile, final Process peer) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!java.nio.file.Files.exists(portFile)) {
            if (!peer.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the peer did not start; see " + portFile.resolveSibling("peer.log"));
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return Integer.parseInt(java.nio.file.Files.readString(portFile).trim());
    }

    /**
     * CPU time so far of this JVM, the peer process and the peer's children (the chaincode), then the part of each
     * spent by the JIT compiler threads (from /proc; zeros where it cannot be read).
     */
    private static long[] cpuNanos(final Process peer) {
        final long own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        final long peerCpu = cpu(peer.toHandle());
        final long chaincode = peer.toHandle().descendants().mapToLong(DevPeerBenchmark::cpu).sum();
        final long chaincodeJit = peer.toHandle().descendants().mapToLong(p -> compilerCpu(p.pid())).sum();
        return new long[] {own, peerCpu, chaincode, compilerCpu(ProcessHandle.current().pid()),
            compilerCpu(peer.pid()), chaincodeJit};
    }

    private static long cpu(final ProcessHandle process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** CPU of the threads named "C1/C2 CompilerThread..." of a process, from /proc (user + system clock ticks). */
    private static long compilerCpu(final long pid) {
        final Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long ticks = 0;
        try (java.util.stream.Stream<Path> threads = java.nio.file.Files.list(tasks)) {
            for (final Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (java.nio.file.Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        final String stat = java.nio.file.Files.readString(thread.resolve("stat"));
                        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (final java.io.IOException e) {
                    // the thread ended
                }
            }
        } catch (final java.io.IOException | RuntimeException e) {
            return 0;
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static void lone(final Contract contract, final BenchmarkWorkload workload) throws Exception {
        final int samples = 100;
        final long[][] nanos = new long[4][samples];
        for (int i = 0; i < samples; i++) {
            final long start = System.nanoTime();
            final Transaction endorsed = workload.proposal(contract, -1, i).build().endorse();
            final long submitting = System.nanoTime();
            final SubmittedTransaction submitted = endorsed.submitAsync();
            final long waiting = System.nanoTime();
            final Status status = submitted.getStatus();
            final long end = System.nanoTime();
            nanos[0][i] = end - start;
            nanos[1][i] = submitting - start;
            nanos[2][i] = waiting - submitting;
            nanos[3][i] = end - waiting;
            if (!status.isSuccessful()) {
                throw new IllegalStateException("lone submit not valid: " + status.getCode());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        for (final long[] series : nanos) {
            Arrays.sort(series);
        }
        System.out.printf(Locale.ROOT, "lone submit (endorse + submit + commit status, idle peer, %d samples):"
                + " p50 %.1f ms, p99 %.1f ms (p50 of the steps: endorse %.1f, submit %.1f, commit status %.1f ms)%n",
                samples, nanos[0][samples / 2] / 1e6, nanos[0][samples * 99 / 100] / 1e6, nanos[1][samples / 2] / 1e6,
                nanos[2][samples / 2] / 1e6, nanos[3][samples / 2] / 1e6);
    }

    private static Result run(final List<Gateway> gateways, final BenchmarkWorkload workload, final int seconds,
            final boolean measure) throws InterruptedException {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        final AtomicLong committed = new AtomicLong();
        final AtomicLong invalid = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLongArray histogram = new AtomicLongArray(Result.BUCKETS);
        final AtomicLong firstBlock = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastBlock = new AtomicLong(-1);
        final List<Thread> threads = new ArrayList<>();
        final long started = System.nanoTime();
        for (int c = 0; c < gateways.size(); c++) {
            final int client = c;
            final Contract contract = gateways.get(c).getNetwork("medtrace").getContract(workload.chaincode());
            final Thread thread = new Thread(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    final long start = System.nanoTime();
                    try {
                        final Status status = workload.proposal(contract, client, i + (measure ? 1_000_000 : 0))
                                .build().endorse().submitAsync().getStatus();
                        if (status.isSuccessful()) {
                            committed.incrementAndGet();
                            firstBlock.accumulateAndGet(status.getBlockNumber(), Math::min);
                            lastBlock.accumulateAndGet(status.getBlockNumber(), Math::max);
                            histogram.incrementAndGet(Result.bucket(System.nanoTime() - start));
                        } else {
                            invalid.incrementAndGet();
                        }
                    } catch (final Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (final Thread thread : threads) {
            thread.join();
        }
        return new Result(committed.get(), invalid.get(), failed.get(), (System.nanoTime() - started) / 1e9,
                histogram, firstBlock, lastBlock);
    }

    /** Counts and a latency histogram in 0.1 ms buckets up to 10 s. */
    private static final class Result {
        static final int BUCKETS = 100_000;
        final long committed;
        final long invalid;
        final long failed;
        final double seconds;
        final AtomicLongArray histogram;
        final AtomicLong firstBlock;
        final AtomicLong lastBlock;

        Result(final long committed, final long invalid, final long failed, final double seconds,
                final AtomicLongArray histogram, final AtomicLong firstBlock, final AtomicLong lastBlock) {
            this.firstBlock = firstBlock;
            this.lastBlock = lastBlock;
            this.committed = committed;
            this.invalid = invalid;
            this.failed = failed;
            this.seconds = seconds;
            this.histogram = histogram;
        }

        static int bucket(final long nanos) {
            return (int) Math.min(BUCKETS - 1, nanos / 100_000);
        }

        double percentile(final int p) {
            final long target = (long) Math.ceil(committed * p / 100.0);
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += histogram.get(i);
                if (seen >= target && seen > 0) {
                    return (i + 1) / 10.0;
                }
            }
            return Double.NaN;
        }
    }
}
