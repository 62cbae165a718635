// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.alerts.AlertService;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.provenance.MasterData;
import org.medtrace.gateway.provenance.ProvenanceService;
import org.medtrace.gateway.provenance.Views;
import org.medtrace.gateway.testing.ReadModelDump;
import org.medtrace.gateway.testing.SyntheticLedger;
import org.medtrace.gateway.testing.TestDatabase;
import org.medtrace.gateway.testing.VaccineStory;
import org.medtrace.gateway.verification.VerificationService.Verdict;
import org.medtrace.gateway.verification.VerificationService;

/**
 * The projection code path and the read-model queries on a real PostgreSQL, fed with chaincode-shaped events without
 * a ledger. The end-to-end tests drive the same code through the dev peer and the real chaincode.
 */
class ReadModelProjectionTest {

    private static final Instant START = Instant.parse("2026-11-20T01:00:00Z");
    private static final Caller CDC = new Caller("minhang-cdc", "minhang-cdc", "MinhangCdcMSP", "dispenser");

    private static DataSource database;
    private static SyntheticLedger ledger;
    private static MasterData masterData;
    private static ProvenanceService provenance;
    private static VerificationService verification;

    @BeforeAll
    static void playStory() {
        database = TestDatabase.freshDatabase("projection");
        ledger = new SyntheticLedger(database);
        VaccineStory.play(ledger, START);
        masterData = new MasterData(database, new ObjectMapper(), new CodeParser("88.118.8866"));
        provenance = new ProvenanceService(masterData);
        verification = new VerificationService(masterData, new AlertService(database),
                Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void provenance_of_a_unit_shows_events_through_its_case_with_via_and_proof() {
        final ProvenanceService.UnitProvenance unit = provenance.unit(VaccineStory.UNITS.get(1));

        assertThat(unit.unit().status()).isEqualTo("active");
        assertThat(unit.unit().custodian()).isEqualTo("ShenDistMSP");
        assertThat(unit.origin().product().id()).isEqualTo(VaccineStory.PRODUCT);
        assertThat(unit.origin().batch().lotRelease().path("certificateNumber").asText()).isEqualTo("SJ-2026-1101");
        assertThat(unit.events()).extracting(Views.Step::bizStep)
                .containsExactly("commissioning", "packing", "assembling", "shipping", "sensor_reporting",
                        "receiving");
        assertThat(unit.events()).filteredOn(step -> "shipping".equals(step.bizStep()))
                .singleElement().satisfies(step -> {
                    assertThat(step.via()).isEqualTo(VaccineStory.CASE);
                    assertThat(step.source()).isEqualTo("HuaxiaVaccineMSP");
                    assertThat(step.destination()).isEqualTo("ShenDistMSP");
                    assertThat(step.proof().txId()).hasSize(64);
                });
        assertThat(unit.containers()).singleElement().satisfies(edge -> {
            assertThat(edge.parent()).isEqualTo(VaccineStory.CASE);
            assertThat(edge.validTo()).isNull();
        });
    }

    @Test
    void each_leg_carries_the_temperature_of_the_anchored_windows_of_its_loggers() {
        final ProvenanceService.UnitProvenance unit = provenance.unit(VaccineStory.UNITS.get(0));

        assertThat(unit.legs()).extracting(leg -> leg.shipment().id())
                .containsExactly(VaccineStory.SHIPMENT_1, VaccineStory.SHIPMENT_2);
        final Views.Temperature first = unit.legs().get(0).temperature();
        assertThat(first.loggerIds()).containsExactly(VaccineStory.LOGGER);
        assertThat(first.windows()).isEqualTo(1);
        assertThat(first.readings()).isEqualTo(24);
        assertThat(first.maxCelsius()).isEqualByComparingTo("6.4");
        assertThat(unit.legs().get(1).temperature()).as("no logger on the second leg").isNull();
        assertThat(unit.containers()).singleElement().satisfies(edge -> assertThat(edge.validTo()).isNotNull());
    }

    @Test
    void verification_tells_genuine_from_dispensed_and_unknown_and_alerts_on_the_dispensed_scan() {
        assertThat(verification.verify(CDC, VaccineStory.UNITS.get(2)).verdict()).isEqualTo(Verdict.GENUINE);
        final VerificationService.Result dispensed = verification.verify(CDC, VaccineStory.UNITS.get(0));
        assertThat(dispensed.verdict()).isEqualTo(Verdict.ALREADY_DISPENSED);
        assertThat(dispensed.reason()).contains("administered").contains("MinhangCdcMSP");
        assertThat(verification.verify(CDC, "88.118.8866/81234560000000099999").verdict())
                .isEqualTo(Verdict.UNKNOWN);
        final List<String> kinds = masterData.read(c -> Jdbc.query(c, "SELECT kind FROM alert WHERE code = ?",
                rs -> rs.getString(1), VaccineStory.UNITS.get(0)));
        assertThat(kinds).contains(AlertService.SCAN_AFTER_DISPENSE);
    }

    @Test
    void past_its_expiry_date_a_genuine_unit_scans_expired() {
        final VerificationService later = new VerificationService(masterData, new AlertService(database),
                Clock.fixed(Instant.parse("2029-11-01T00:00:00Z"), ZoneOffset.UTC));
        final VerificationService.Result result = later.verify(CDC, VaccineStory.UNITS.get(2));
        assertThat(result.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(result.reason()).contains("2029-10-31");
    }

    @Test
    void an_unknown_code_is_a_404_naming_it_and_garbage_is_a_400() {
        assertThatThrownBy(() -> provenance.unit("88.118.8866/NOPE"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("88.118.8866/NOPE");
                });
        assertThatThrownBy(() -> provenance.unit("not a code at all!"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void projecting_a_transaction_again_changes_nothing() {
        final Map<String, List<String>> before = ReadModelDump.dump(database);
        final SyntheticLedger.Tx first = ledger.log().get(3);
        ledger.project(database, first);
        final Map<String, List<String>> after = ReadModelDump.dump(database);
        before.remove("projection_checkpoint");
        after.remove("projection_checkpoint");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_rebuild_from_block_0_equals_the_live_projection() {
        final DataSource rebuilt = TestDatabase.freshDatabase("rebuild");
        for (final SyntheticLedger.Tx tx : ledger.log()) {
            ledger.project(rebuilt, tx);
        }
        final Map<String, List<String>> live = ReadModelDump.dump(database);
        final Map<String, List<String>> again = ReadModelDump.dump(rebuilt);
        live.remove("projection_checkpoint");
        again.remove("projection_checkpoint");
        assertThat(again).isEqualTo(live);
        assertThat(again.get("trace_event")).hasSize(ledger.log().size());
    }
}
