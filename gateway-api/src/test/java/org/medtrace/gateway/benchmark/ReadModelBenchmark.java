// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medtrace.gateway.alerts.AlertService;
import org.medtrace.gateway.app.EmbeddedDatabase;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.provenance.ProvenanceService;
import org.medtrace.gateway.testing.SingleConnectionDataSource;
import org.medtrace.gateway.testing.SyntheticLedger;
import org.medtrace.gateway.verification.VerificationService;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Read-model latency with at least a million events in PostgreSQL: the provenance of a unit inside three levels of
 * aggregation with 50 events, and the verification scan. The events are loaded through the projection code path
 * (chaincode-shaped payloads projected by {@code Projector}), not through the ledger. The database lives under
 * target/bench-postgres and is reused by later runs. Run:
 * {@code ./mvnw -B -pl gateway-api -am verify -Dtest=ReadModelBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmedtrace.benchmark=true}
 */
@EnabledIfSystemProperty(named = "medtrace.benchmark", matches = "true")
class ReadModelBenchmark {

    private static final String P = "88.118.8866/";
    private static final String PRODUCT = P + "PRD-BENCH";
    private static final String BATCH = P + "BATCH-BENCH";
    private static final String UNIT = P + "81234567000000000001";
    private static final int EVENTS_MIN = Integer.getInteger("medtrace.benchmark.events", 1_000_000);
    private static final int EVENTS_PER_FILLER_UNIT = 50;
    private static final int EVENTS_PER_TX = 500;
    private static final int ITERATIONS = Integer.getInteger("medtrace.benchmark.iterations", 2_000);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void provenance_and_verification_latency() throws Exception {
        final Path directory = Path.of("target", "bench-postgres").toAbsolutePath();
        final EmbeddedDatabase server = EmbeddedDatabase.start(directory, false);
        final PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl());
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        load(dataSource);
        try (Connection c = dataSource.getConnection()) {
            Jdbc.update(c, "VACUUM ANALYZE");
        }
        // One reused connection, as the application's pool gives a request.
        final DataSource pooled = new SingleConnectionDataSource(dataSource.getConnection());
        final MasterData masterData = new MasterData(pooled, new ObjectMapper(), new CodeParser("88.118.8866"));
        final ProvenanceService provenance = new ProvenanceService(masterData);
        final VerificationService verification = new VerificationService(masterData, new AlertService(pooled));
        final Caller caller = new Caller("bench", "bench", "MinhangCdcMSP", "dispenser");

        final ProvenanceService.UnitProvenance sample = provenance.unit(UNIT);
        System.out.printf(Locale.ROOT, "read model: %,d events, %,d units; sample unit: %d events, %d container edges,"
                + " %d legs%n", count(dataSource, "trace_event"), count(dataSource, "unit"), sample.events().size(),
                sample.containers().size(), sample.legs().size());
        report("provenance of a unit (3 aggregation levels, 50 events)", measure(() -> provenance.unit(UNIT)), 20);
        report("verification scan", measure(() -> verification.verify(caller, UNIT)), 5);
        server.close();
    }

    private static long count(final DataSource dataSource, final String table) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.first(c, "SELECT count(*) FROM " + table, rs -> rs.getLong(1)).orElse(0L);
        }
    }

    private static double[] measure(final Supplier<?> call) {
        for (int i = 0; i < ITERATIONS / 4; i++) {
            call.get();
        }
        final double[] millis = new double[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            final long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(final String what, final double[] sorted, final double targetP99Ms) {
        final double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
        System.out.printf(Locale.ROOT, "%-55s n=%d median=%.2f ms p99=%.2f ms max=%.2f ms (target p99 < %.0f ms: %s)%n",
                what, sorted.length, sorted[sorted.length / 2], p99, sorted[sorted.length - 1], targetP99Ms,
                p99 < targetP99Ms ? "met" : "NOT met");
    }

    /** Loads the story of the sample unit once, then filler units of 50 events each until the minimum is reached. */
    private static void load(final DataSource dataSource) throws SQLException {
        long events = count(dataSource, "trace_event");
        long block;
        try (Connection c = dataSource.getConnection()) {
            block = Jdbc.first(c, "SELECT block_number FROM projection_checkpoint", rs -> rs.getLong(1)).orElse(0L);
        }
        final SyntheticLedger ledger = new SyntheticLedger(new SingleConnectionDataSource(dataSource.getConnection()))
                .continueAt(block + 1);
        if (events == 0) {
            sampleUnit(ledger);
        }
        final long started = System.nanoTime();
        int filler = (int) count(dataSource, "unit");
        while ((events = count(dataSource, "trace_event")) < EVENTS_MIN) {
            fillerUnits(ledger, filler, 200);
            filler += 200;
            System.out.printf(Locale.ROOT, "loaded %,d events (%.0f events/s)%n", events,
                    events / Math.max(1e-3, (System.nanoTime() - started) / 1e9));
        }
    }

    private static void sampleUnit(final SyntheticLedger ledger) {
        final String mah = "HuaxiaVaccineMSP";
        final SyntheticLedger.Event product = ledger.event("ObjectEvent", "product:register", mah, T0)
                .step("creating_class_instance", "active", "ADD").classes(List.of(PRODUCT), List.of());
        product.ilmd().put("id", PRODUCT).put("kind", "vaccine").put("name", "bench vaccine").put("mah", mah);
        final SyntheticLedger.Event batch = ledger.event("ObjectEvent", "batch:register", mah, T0)
                .step("creating_class_instance", "active", "ADD").classes(List.of(PRODUCT), List.of(BATCH));
        batch.ilmd().put("id", BATCH).put("productId", PRODUCT).put("batchNumber", "B1")
                .put("productionDate", "2026-01-01").put("expiryDate", "2099-12-31");
        ledger.commit(product, batch);
        final String pack = P + "PACK-1";
        final String box = P + "CASE-1";
        final String pallet = P + "PALLET-1";
        Instant t = T0.plusSeconds(60);
        final List<SyntheticLedger.Event> story = new ArrayList<>();
        story.add(ledger.event("ObjectEvent", "unit:commission", mah, t).step("commissioning", "active", "ADD")
                .epcs(List.of(UNIT)).classes(List.of(PRODUCT), List.of(BATCH)));
        final SyntheticLedger.Event containers = ledger.event("ObjectEvent", "unit:commissionContainers", mah, t)
                .step("commissioning", "active", "ADD").epcs(List.of(pack, box, pallet));
        containers.ilmd().put("containerType", "case");
        story.add(containers);
        story.add(ledger.event("AggregationEvent", "aggregation:pack", mah, t = t.plusSeconds(60))
                .step("packing", null, "ADD").parent(pack, List.of(UNIT)));
        story.add(ledger.event("AggregationEvent", "aggregation:pack", mah, t = t.plusSeconds(60))
                .step("packing", null, "ADD").parent(box, List.of(pack)));
        story.add(ledger.event("AggregationEvent", "aggregation:pack", mah, t = t.plusSeconds(60))
                .step("packing", null, "ADD").parent(pallet, List.of(box)));
        final String[] parties = {"HuaxiaVaccineMSP", "ColdLinkMSP", "ShenDistMSP", "ColdLinkMSP", "MinhangCdcMSP"};
        for (int leg = 0; leg < 11; leg++) {
            final String from = parties[leg % 4];
            final String to = parties[(leg % 4) + 1];
            story.add(ledger.event("ObjectEvent", "custody:ship", from, t = t.plus(Duration.ofHours(1)))
                    .step("shipping", "in_transit", "OBSERVE").epcs(List.of(pallet)).meta("shipmentId", "BS-" + leg)
                    .parties(from, to).classes(List.of(PRODUCT), List.of(BATCH)));
            story.add(ledger.event("ObjectEvent", "custody:receive", to, t = t.plus(Duration.ofHours(5)))
                    .step("receiving", "in_progress", "OBSERVE").epcs(List.of(pallet)).meta("shipmentId", "BS-" + leg)
                    .classes(List.of(PRODUCT), List.of(BATCH)));
            story.add(ledger.event("ObjectEvent", "custody:store", to, t = t.plusSeconds(600))
                    .step("storing", "sellable_not_accessible", "OBSERVE").epcs(List.of(pallet))
                    .location("urn:medtrace:loc:" + to));
            story.add(ledger.event("ObjectEvent", "custody:inspect", to, t = t.plusSeconds(60))
                    .step("inspecting", "conformant", "OBSERVE").epcs(List.of(pallet)));
        }
        for (int i = 0; i < 2; i++) {
            story.add(ledger.event("ObjectEvent", "custody:store", "MinhangCdcMSP", t = t.plusSeconds(600))
                    .step("storing", "sellable_not_accessible", "OBSERVE").epcs(List.of(pallet))
                    .location("urn:medtrace:loc:fridge-" + i));
        }
        ledger.commit(story);
    }

    private static void fillerUnits(final SyntheticLedger ledger, final int first, final int units) {
        final List<String> codes = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            codes.add(P + String.format(Locale.ROOT, "8%019d", 10_000_000L + first + i));
        }
        final Instant t = T0.plus(Duration.ofMinutes(first));
        ledger.commit(ledger.event("ObjectEvent", "unit:commission", "HuaxiaVaccineMSP", t)
                .step("commissioning", "active", "ADD").epcs(codes).classes(List.of(PRODUCT), List.of(BATCH)));
        final List<SyntheticLedger.Event> batch = new ArrayList<>();
        for (int step = 1; step < EVENTS_PER_FILLER_UNIT; step++) {
            for (final String code : codes) {
                batch.add(ledger.event("ObjectEvent", "custody:store", "ShenDistMSP", t.plusSeconds(step * 60L))
                        .step("storing", "sellable_not_accessible", "OBSERVE").epcs(List.of(code))
                        .location("urn:medtrace:loc:shelf-" + step));
                if (batch.size() == EVENTS_PER_TX) {
                    ledger.commit(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            ledger.commit(batch);
        }
    }
}
