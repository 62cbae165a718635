// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleValue;

/**
 * Measures resolution latency and throughput against two loopback test nodes and prints p50/p99/p99.9 and
 * resolutions per second:
 * <ol>
 *   <li>from cache, on as many threads as there are cores;</li>
 *   <li>through two nodes with nothing cached (top-level referral, naming-authority record, record: 3 requests);</li>
 *   <li>through two nodes with the prefix cached (one request to the secondary node per resolution).</li>
 * </ol>
 * Run: {@code ./mvnw -B -q -pl identifier-resolver test-compile exec:java} (see docs/identifiers.md).
 */
public final class ResolverBenchmark {
    private static final PrintStream OUT = System.out;

    private ResolverBenchmark() {
    }

    /**
     * @param args optional: cached resolutions per thread (default 1,000,000), uncached resolutions (default 15,000;
     *     a fifth as many run first to warm up)
     * @throws Exception if the nodes cannot start or a resolution fails
     */
    public static void main(final String[] args) throws Exception {
        int cachedPerThread = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int uncached = args.length > 1 ? Integer.parseInt(args[1]) : 15_000;
        int threads = Runtime.getRuntime().availableProcessors();
        try (TwoNodes nodes = new TwoNodes()) {
            OUT.printf("resolver benchmark: %d cores, two nodes on loopback%n", threads);
            fromCache(nodes, threads, cachedPerThread);
            throughTwoNodes(nodes, uncached);
            prefixCached(nodes, uncached);
        }
    }

    private static void fromCache(final TwoNodes nodes, final int threads, final int perThread) throws Exception {
        HandleResolver resolver = HandleResolver.builder(nodes.top.uri()).build();
        resolver.resolve(TwoNodes.UNIT);
        timeOn(threads, perThread / 4, resolver, i -> TwoNodes.UNIT);
        Result result = timeOn(threads, perThread, resolver, i -> TwoNodes.UNIT);
        result.print("from cache (" + threads + " threads)");
    }

    private static void throughTwoNodes(final TwoNodes nodes, final int count) throws Exception {
        HandleResolver resolver = HandleResolver.builder(nodes.top.uri()).cacheEntriesMax(0).build();
        timeOn(1, count / 5, resolver, i -> TwoNodes.UNIT);
        int before = nodes.top.requests() + nodes.secondary.requests();
        Result result = timeOn(1, count, resolver, i -> TwoNodes.UNIT);
        int requests = nodes.top.requests() + nodes.secondary.requests() - before;
        result.print("through two nodes, nothing cached (" + requests / count + " HTTP requests each)");
    }

    private static void prefixCached(final TwoNodes nodes, final int count) throws Exception {
        Identifier[] handles = new Identifier[count * 2];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = Identifier.parse("88.118.8866/bench-" + i);
            nodes.secondary.put(handles[i], HandleValue.text(1, "URL", "https://trace.example.cn/bench/" + i));
        }
        HandleResolver resolver = HandleResolver.builder(nodes.top.uri()).build();
        timeOn(1, count, resolver, i -> handles[i]);
        Result result = timeOn(1, count, resolver, i -> handles[count + i]);
        result.print("through the secondary node, prefix cached (1 HTTP request each)");
    }

    private interface HandleSource {
        Identifier handle(int i);
    }

    private record Result(long[] latenciesNanos, long wallNanos) {
        void print(final String label) {
            Arrays.sort(latenciesNanos);
            double perSecond = latenciesNanos.length / (wallNanos / 1e9);
            OUT.printf("%-70s n=%d p50=%.1f us p99=%.1f us p99.9=%.1f us throughput=%.0f/s%n", label,
                    latenciesNanos.length, percentile(0.50) / 1e3, percentile(0.99) / 1e3, percentile(0.999) / 1e3,
                    perSecond);
        }

        private double percentile(final double p) {
            return latenciesNanos[Math.min(latenciesNanos.length - 1, (int) Math.ceil(p * latenciesNanos.length) - 1)];
        }
    }

    private static Result timeOn(final int threads, final int perThread, final HandleResolver resolver,
            final HandleSource source) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        Identifier handle = source.handle(i);
                        long before = System.nanoTime();
                        resolver.resolve(handle);
                        latencies[i] = System.nanoTime() - before;
                    }
                    return latencies;
                }));
            }
            long[] all = new long[threads * perThread];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(futures.get(t).get(), 0, all, t * perThread, perThread);
            }
            return new Result(all, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }
}
