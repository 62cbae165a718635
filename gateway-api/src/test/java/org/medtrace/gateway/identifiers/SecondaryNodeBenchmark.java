// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.resolution.HandleResolver;

/**
 * Resolution through two nodes where the secondary node is this gateway's (Vert.x route, PostgreSQL store), with
 * identifier-resolver's {@link HandleResolver} as the client and the top-level node on loopback; also the gateway's
 * own lookups of another node's identifiers. Prints p50/p99/p99.9 and throughput. Everything (client, both nodes,
 * PostgreSQL, the dev peer) shares the machine's cores. Run:
 * {@code ./mvnw -B -pl gateway-api -am verify -Dtest=SecondaryNodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbenchmark=secondary-node} ({@code -Dbenchmark.resolutions=N}, default 3,000). Not a {@code medtrace.*} property:
 * the gateway's configuration mapping refuses unknown keys under {@code medtrace.}.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
@WithTestResource(TwoNodesTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "secondary-node")
class SecondaryNodeBenchmark {

    private static final int COUNT = Integer.getInteger("benchmark.resolutions", 15_000);

    @Inject
    IdentifierLookup lookup;

    @Test
    void resolution_through_the_top_level_node_and_this_node() throws Exception {
        TwoNodes.delegateToTheGateway();
        final String run = Api.digits(8);
        final Identifier[] handles = new Identifier[COUNT * 2];
        final List<String> batch = new ArrayList<>();
        for (int i = 0; i < handles.length; i++) {
            handles[i] = Identifier.parse(TwoNodesTestResource.PREFIX + "/BENCH-" + run + "." + i);
            batch.add("{\"handle\":\"" + handles[i] + "\",\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":"
                    + "\"https://trace.example.cn/" + i + "\"},{\"index\":2002,\"type\":\"MEDTRACE.PRODUCT_NAME\","
                    + "\"data\":{\"format\":\"string\",\"value\":\"乙肝疫苗\"}}]}");
            if (batch.size() == 2_000 || i == handles.length - 1) {
                HandleRestApiTest.admin().body("{\"handles\":[" + String.join(",", batch) + "]}")
                        .post("/api/handles").then().statusCode(201);
                batch.clear();
            }
        }
        System.out.printf(Locale.ROOT, "secondary-node benchmark: %d cores; top-level node %s, gateway node %s%n",
                Runtime.getRuntime().availableProcessors(), TwoNodes.topLevel(), TwoNodes.gateway());

        final HandleResolver uncached = HandleResolver.builder(TwoNodes.topLevel()).cacheEntriesMax(0).build();
        time(uncached, COUNT / 5, i -> handles[i]);
        final int before = TwoNodes.requestsAtTop("0.NA/88.118.8866");
        time(uncached, COUNT, i -> handles[i]).print("two nodes, nothing cached, 3 requests (target p99 < 10 ms)");
        final int atTop = TwoNodes.requestsAtTop("0.NA/88.118.8866") - before;

        final HandleResolver cached = HandleResolver.builder(TwoNodes.topLevel()).build();
        cached.resolve(handles[0]);
        time(cached, COUNT, i -> handles[COUNT + i]).print("gateway node, prefix cached (1 request: the record)");
        time(cached, COUNT * 10, i -> handles[COUNT + i % COUNT]).print("from the client's cache");
        System.out.printf(Locale.ROOT, "(the top-level node answered %d of the %d uncached resolutions' first"
                + " requests)%n", atTop, COUNT);

        final String foreign = TwoNodesTestResource.TOP_PREFIX + "/BENCH-" + run;
        TwoNodes.putAtTop(foreign, "{\"values\":[{\"index\":1,\"type\":\"URL\",\"data\":{\"format\":\"string\",\"value\":\"https://x.example/\"}}]}");
        lookup.lookUp(foreign);
        final long[] lookups = new long[COUNT * 10];
        final long start = System.nanoTime();
        for (int i = 0; i < lookups.length; i++) {
            final long t = System.nanoTime();
            lookup.lookUp(foreign).orElseThrow();
            lookups[i] = System.nanoTime() - t;
        }
        new Result(lookups, System.nanoTime() - start).print("gateway lookup of another node's identifier, cached");
    }

    private record Result(long[] nanos, long wallNanos) {
        void print(final String label) {
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-80s n=%d p50=%.3f ms p99=%.3f ms p99.9=%.3f ms throughput=%.0f/s%n",
                    label, nanos.length, at(0.50) / 1e6,
                    at(0.99) / 1e6, at(0.999) / 1e6, nanos.length / (wallNanos / 1e9));
        }

        private double at(final double p) {
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p * nanos.length) - 1)];
        }
    }

    private static Result time(final HandleResolver resolver, final int count, final IntFunction<Identifier> handle)
            throws Exception {
        final long[] nanos = new long[count];
        final long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            final long t = System.nanoTime();
            resolver.resolve(handle.apply(i));
            nanos[i] = System.nanoTime() - t;
        }
        return new Result(nanos, System.nanoTime() - start);
    }
}
