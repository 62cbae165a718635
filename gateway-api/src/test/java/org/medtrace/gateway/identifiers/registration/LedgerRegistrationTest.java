// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.identifiers.node.HandleStore;
import org.medtrace.gateway.identifiers.node.NodeSettings;
import org.medtrace.gateway.identifiers.node.PostgresHandleStore;
import org.medtrace.gateway.testing.ReadModelDump;
import org.medtrace.gateway.testing.SyntheticLedger;
import org.medtrace.gateway.testing.TestDatabase;
import org.medtrace.gateway.testing.VaccineStory;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleTypes;
import org.medtrace.identifiers.handle.HandleValue;
import org.medtrace.identifiers.handle.Ttl;
import org.medtrace.identifiers.handle.ValueData;

/**
 * Automatic registration on a real PostgreSQL, fed through the projection code path with chaincode-shaped events
 * (the vaccine story): what is registered, with which values; registering again and after a rebuild changes nothing
 * and keeps what administrators added; other prefixes are left to their nodes; 10,000 codes commissioned at once
 * are registered in one step.
 */
class LedgerRegistrationTest {

    private static final Instant START = Instant.parse("2026-11-20T01:00:00Z");
    private static final URI GATEWAY = URI.create("https://trace.example.cn");

    private DataSource database;
    private SyntheticLedger ledger;
    private Registration registration;
    private HandleStore store;

    @BeforeEach
    void playStory() {
        database = TestDatabase.freshDatabase("registration");
        ledger = new SyntheticLedger(database);
        VaccineStory.play(ledger, START);
        final NodeSettings node = new NodeSettings(Set.of("88.118.8866"), () -> GATEWAY, Ttl.seconds(86_400),
                Map.of(), Optional.empty(), Clock.systemUTC());
        registration = new Registration(database, new ReadModelRecords(node, Ttl.seconds(3_600)));
        store = new PostgresHandleStore(database);
    }

    private int drain() {
        int steps = 1;
        while (registration.registerNext()) {
            steps++;
        }
        return steps;
    }

    private HandleRecord record(final String handle) {
        return store.find(Identifier.parse(handle)).orElseThrow(() -> new AssertionError(handle + " not registered"));
    }

    private static String text(final HandleRecord record, final LedgerValues.Field field) {
        return record.value(field.index()).map(HandleValue::textOrNull).orElse(null);
    }

    private String query(final String sql, final Object... params) throws SQLException {
        try (Connection c = database.getConnection()) {
            return Jdbc.first(c, sql, rs -> rs.getString(1), params).orElse(null);
        }
    }

    @Test
    void products_batches_units_and_containers_get_their_provenance_url_metadata_and_ledger_proof()
            throws SQLException {
        drain();

        final HandleRecord unit = record(VaccineStory.UNITS.get(1));
        assertThat(unit.value(1).orElseThrow().type()).isEqualTo(HandleTypes.URL);
        assertThat(unit.value(1).orElseThrow().textOrNull()).isEqualTo(
                "https://trace.example.cn/api/v1/provenance/unit?code=88.118.8866%2F81234560000000000012");
        assertThat(unit.value(100).orElseThrow().data()).isEqualTo(new ValueData.Admin(
                Identifier.parse("0.NA/88.118.8866"), 300, "011111111111"));
        assertThat(text(unit, LedgerValues.KIND)).isEqualTo("unit");
        assertThat(text(unit, LedgerValues.PRODUCT_ID)).isEqualTo(VaccineStory.PRODUCT);
        assertThat(text(unit, LedgerValues.PRODUCT_NAME)).isEqualTo("HPV vaccine (9-valent)");
        assertThat(text(unit, LedgerValues.MAH)).isEqualTo("HuaxiaVaccineMSP");
        assertThat(text(unit, LedgerValues.PRODUCT_CODE)).isEqualTo("1234560");
        assertThat(text(unit, LedgerValues.BATCH_ID)).isEqualTo(VaccineStory.BATCH);
        assertThat(text(unit, LedgerValues.BATCH_NUMBER)).isEqualTo("202611A");
        assertThat(text(unit, LedgerValues.EXPIRY_DATE)).isEqualTo("2029-10-31");
        assertThat(text(unit, LedgerValues.PACKAGE_LEVEL)).isEqualTo("1");
        assertThat(text(unit, LedgerValues.TX_ID)).isEqualTo(query("SELECT commission_tx_id FROM unit WHERE code = ?",
                VaccineStory.UNITS.get(1)));
        assertThat(text(unit, LedgerValues.EVENT_ID)).startsWith("ni:///sha-256;").isEqualTo(query(
                "SELECT event_id FROM trace_event WHERE transaction_name = 'unit:commission'"));
        assertThat(unit.values()).allSatisfy(v -> {
            assertThat(v.ttl()).isEqualTo(Ttl.seconds(3_600));
            assertThat(v.timestamp()).isEqualTo(START.plusSeconds(4 * 60));
        });
        assertThat(unit.valuesOfType("MEDTRACE.LEDGER.")).extracting(HandleValue::index).containsExactly(2100, 2101,
                2102);

        final HandleRecord container = record(VaccineStory.CASE);
        assertThat(text(container, LedgerValues.KIND)).isEqualTo("container");
        assertThat(text(container, LedgerValues.CONTAINER_TYPE)).isEqualTo("case");
        assertThat(text(container, LedgerValues.PRODUCT_ID)).isNull();

        final HandleRecord batch = record(VaccineStory.BATCH);
        assertThat(batch.value(1).orElseThrow().textOrNull()).isEqualTo(
                "https://trace.example.cn/api/v1/provenance/batch?batchId=88.118.8866%2FBATCH-202611A");
        assertThat(text(batch, LedgerValues.KIND)).isEqualTo("batch");
        assertThat(text(batch, LedgerValues.LOT_RELEASE)).isEqualTo("SJ-2026-1101");
        assertThat(text(batch, LedgerValues.PRODUCTION_DATE)).isEqualTo("2026-11-01");
        assertThat(text(batch, LedgerValues.EVENT_ID)).isEqualTo(query(
                "SELECT event_id FROM trace_event WHERE transaction_name = 'batch:register'"));

        final HandleRecord product = record(VaccineStory.PRODUCT);
        assertThat(product.value(1).orElseThrow().textOrNull())
                .isEqualTo("https://trace.example.cn/api/v1/products/88.118.8866/PRD-HPV9");
        assertThat(text(product, LedgerValues.KIND)).isEqualTo("vaccine");
        assertThat(query("SELECT count(*) FROM handle_record")).isEqualTo("6");
    }

    @Test
    void registering_again_or_after_a_rebuild_changes_nothing_and_keeps_what_an_administrator_added()
            throws SQLException {
        drain();
        final String unit = VaccineStory.UNITS.get(0);
        store.update(Identifier.parse(unit), current -> HandleStore.Change.write(new HandleRecord(
                Identifier.parse(unit), appended(current.orElseThrow().values(),
                        HandleValue.text(5000, "EMAIL", "qa@huaxia.example"))), Boolean.TRUE));
        final String before = query("SELECT string_agg(handle || values_json, '|' ORDER BY handle) FROM handle_record");
        final String written = query("SELECT handles_written FROM handle_registration_cursor");
        assertThat(written).isEqualTo("6");

        rebuildReadModel();
        drain();

        assertThat(query("SELECT string_agg(handle || values_json, '|' ORDER BY handle) FROM handle_record"))
                .isEqualTo(before);
        assertThat(query("SELECT handles_written FROM handle_registration_cursor")).isEqualTo(written);
        assertThat(record(unit).value(5000)).isPresent();

        try (Connection c = database.getConnection()) {
            Jdbc.update(c, "DELETE FROM handle_record WHERE handle = ?", VaccineStory.BATCH);
        }
        rebuildReadModel();
        drain();
        assertThat(query("SELECT string_agg(handle || values_json, '|' ORDER BY handle) FROM handle_record"))
                .isEqualTo(before);
    }

    private static List<HandleValue> appended(final List<HandleValue> values, final HandleValue value) {
        final List<HandleValue> all = new ArrayList<>(values);
        all.add(value);
        return all;
    }

    /** What a projection rebuild does: empty the read model, then project the ledger from its first block. */
    private void rebuildReadModel() throws SQLException {
        try (Connection c = database.getConnection()) {
            Jdbc.update(c, "TRUNCATE " + String.join(", ", ReadModelDump.TABLES) + " RESTART IDENTITY");
            Jdbc.update(c, "UPDATE projection_checkpoint SET block_number = 0, tx_id = NULL, events_projected = 0");
        }
        assertThat(registration.registerNext()).isFalse();
        ledger.log().forEach(tx -> ledger.project(database, tx));
    }

    @Test
    void identifiers_under_prefixes_of_other_nodes_are_left_to_those_nodes() throws SQLException {
        final String foreign = "88.200.1/81234560000000000099";
        final SyntheticLedger.Event commission = ledger.event("ObjectEvent", "unit:commission", "HuaxiaVaccineMSP",
                START.plusSeconds(3_600)).step("commissioning", "active", "ADD").epcs(List.of(foreign))
                .classes(List.of(VaccineStory.PRODUCT), List.of(VaccineStory.BATCH));
        commission.ilmd().put("productId", VaccineStory.PRODUCT).put("batchId", VaccineStory.BATCH)
                .put("packageLevel", 1);
        ledger.commit(commission);
        drain();
        assertThat(store.find(Identifier.parse(foreign))).isEmpty();
        assertThat(query("SELECT count(*) FROM handle_record")).isEqualTo("6");
    }

    @Test
    void ten_thousand_codes_commissioned_at_once_are_registered_in_one_step() throws SQLException {
        drain();
        final List<String> codes = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            codes.add("88.118.8866/8" + (7_000_000_000_000_000_000L + i));
        }
        final SyntheticLedger.Event commission = ledger.event("ObjectEvent", "unit:commission", "HuaxiaVaccineMSP",
                START.plusSeconds(3_600)).step("commissioning", "active", "ADD").epcs(codes)
                .classes(List.of(VaccineStory.PRODUCT), List.of(VaccineStory.BATCH));
        commission.ilmd().put("productId", VaccineStory.PRODUCT).put("batchId", VaccineStory.BATCH)
                .put("packageLevel", 1);
        ledger.commit(commission);

        assertThat(drain()).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM handle_record WHERE handle LIKE '88.118.8866/87%'")).isEqualTo("10000");
        assertThat(text(record(codes.get(9_999)), LedgerValues.BATCH_NUMBER)).isEqualTo("202611A");
        assertThat(query("SELECT handles_written FROM handle_registration_cursor")).isEqualTo("10006");
    }
}
