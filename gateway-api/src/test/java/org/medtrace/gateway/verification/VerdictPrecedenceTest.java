// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.projection.Proof;
import org.medtrace.gateway.verification.VerificationService.Finding;
import org.medtrace.gateway.verification.VerificationService.Verdict;

/**
 * What a scan's lot and expiry are compared with, and where MISMATCH ranks among the code's other findings
 * (ScanMismatchTest drives the same through the REST API).
 */
class VerdictPrecedenceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final LocalDate EXPIRY = LocalDate.of(2028, 10, 31);

    private static VerificationService.Row row(final String status) {
        final VerificationService.Row r = new VerificationService.Row();
        r.code = "88.118.8866/01.06901234567892.21.SN0003";
        r.status = status;
        r.custodian = "RenjiHospitalMSP";
        r.batchId = "88.118.8866/BATCH-B001";
        r.batchNumber = "B001";
        r.expiryDate = EXPIRY;
        r.batchProof = new Proof("a1b2c3", 2L);
        r.endedAt = Instant.parse("2026-12-01T08:00:00Z");
        r.endedBy = "RenjiHospitalMSP";
        return r;
    }

    private static List<Verdict> verdicts(final VerificationService.Row r, final String scan) {
        final List<PrintedData.Mismatch> mismatches = PrintedData.read(scan, TODAY.getYear())
                .against(r.batchNumber, r.expiryDate);
        return VerificationService.findings(r, TODAY, mismatches).stream().map(Finding::verdict).toList();
    }

    @Test
    void a_mismatch_ranks_above_every_state_of_the_code_which_stays_among_the_findings() {
        final String wrongLot = "(01)06901234567892(10)FAKE999(21)SN0003";
        assertThat(verdicts(row("active"), wrongLot)).containsExactly(Verdict.MISMATCH);
        assertThat(verdicts(row("dispensed"), wrongLot)).containsExactly(Verdict.MISMATCH, Verdict.ALREADY_DISPENSED);
        assertThat(verdicts(row("destroyed"), wrongLot)).containsExactly(Verdict.MISMATCH, Verdict.DESTROYED);
        final VerificationService.Row recalledAndHeld = row("active");
        recalledAndHeld.recallId = "RC-1";
        recalledAndHeld.holdId = "H-1";
        assertThat(verdicts(recalledAndHeld, wrongLot))
                .containsExactly(Verdict.MISMATCH, Verdict.RECALLED, Verdict.HELD);
        assertThat(verdicts(recalledAndHeld, "(01)06901234567892(10)B001(21)SN0003"))
                .containsExactly(Verdict.RECALLED, Verdict.HELD);
        assertThat(verdicts(row("active"), "(01)06901234567892(17)281000(10)B001(21)SN0003"))
                .containsExactly(Verdict.GENUINE);
    }

    @Test
    void the_mismatch_finding_names_both_values_of_each_field_and_points_at_the_batch_registration() {
        final VerificationService.Row r = row("active");
        final List<PrintedData.Mismatch> mismatches = PrintedData.read(
                "(01)06901234567892(17)200101(10)FAKE999(21)SN0003", TODAY.getYear()).against("B001", EXPIRY);
        assertThat(mismatches).containsExactly(
                new PrintedData.Mismatch("batchNumber", "10", "FAKE999", "FAKE999", "B001"),
                new PrintedData.Mismatch("expiryDate", "17", "2020-01-01", "200101", "2028-10-31"));
        final Finding finding = VerificationService.findings(r, TODAY, mismatches).get(0);
        assertThat(finding.reason()).contains("batch FAKE999 (AI 10) where the ledger has B001",
                "expiry 2020-01-01 (AI 17 = 200101) where the ledger has 2028-10-31");
        assertThat(finding.proof()).isEqualTo(new Proof("a1b2c3", 2L));
    }

    @Test
    void expiry_follows_gs1s_day_00_rule_and_century_window() {
        assertThat(PrintedData.read("(01)06901234567892(17)281000(21)X", 2026).expiry().orElseThrow().date())
                .isEqualTo(EXPIRY);
        assertThat(PrintedData.read("(01)06901234567892(17)991231(21)X", 2026).expiry().orElseThrow().date())
                .isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(PrintedData.read("(01)06901234567892(17)750101(21)X", 2026).expiry().orElseThrow().date())
                .isEqualTo(LocalDate.of(2075, 1, 1));
        assertThat(PrintedData.read("https://id.gs1.org/01/06901234567892/10/L%2F1/21/X?17=281000", 2026))
                .isEqualTo(new PrintedData(java.util.Optional.of("L/1"),
                        PrintedData.read("(01)06901234567892(17)281000(21)X", 2026).expiry()));
    }

    @Test
    void forms_without_a_lot_or_expiry_and_ledger_fields_without_a_value_compare_nothing() {
        for (final String scan : List.of("81234560000000000001", "88.118.8866/01.06901234567892.21.X",
                "(01)06901234567892(21)X", "https://id.gs1.org/01/06901234567892/21/X", "not a code at all")) {
            assertThat(PrintedData.read(scan, 2026)).as(scan).isEqualTo(PrintedData.NONE);
        }
        assertThat(PrintedData.read("(01)06901234567892(17)200101(10)FAKE999(21)X", 2026).against(null, null))
                .isEmpty();
        assertThat(PrintedData.read("(01)06901234567892(10)b001(21)X", 2026).against("B001", EXPIRY))
                .as("AI 10 is case-sensitive").hasSize(1);
    }
}
