// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.medtrace.gateway.alerts.AlertService;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.identifiers.IdentifierLookup;
import org.medtrace.gateway.identifiers.ResolvedIdentifier;
import org.medtrace.gateway.projection.Proof;
import org.medtrace.gateway.provenance.MasterData;

/**
 * The end-use verification scan (终端使用验证): one indexed lookup answers genuine, unknown, mismatch, recalled,
 * expired, held, already dispensed, destroyed or decommissioned, with the reason. A scan that carries a lot (GS1 AI 10)
 * or an expiry (AI 17) is compared with the ledger's batch ({@link PrintedData}). Scanning a destroyed or dispensed
 * code, a code the ledger never commissioned, or a pack whose printed lot or expiry contradicts the ledger raises an
 * alert for regulators.
 */
@ApplicationScoped
public class VerificationService {

    /** Expiry dates are calendar dates of the ledger's default zone (+08:00, docs/chaincode-api.md). */
    static final ZoneOffset EXPIRY_ZONE = ZoneOffset.ofHours(8);

    /**
     * Verdicts, most severe first: the first finding is the verdict, and every finding is listed. MISMATCH comes
     * right after UNKNOWN: when the lot or expiry printed on the pack contradicts the ledger, the pack in hand is not
     * the one the ledger registered under this code (a copied code, a relabelled or falsified pack), so whatever the
     * code's own state (destroyed, dispensed, recalled, expired, held) the pack goes to quarantine and to the
     * regulator, as EU FMD and DSCSA verification treat a batch or expiry mismatch; that state stays among the
     * findings.
     */
    public enum Verdict {
        /** No such code was ever commissioned on the ledger. */
        UNKNOWN,
        /** The lot (AI 10) or expiry (AI 17) the scan carries contradicts the ledger's batch. */
        MISMATCH,
        /** The code was destroyed. */
        DESTROYED,
        /** The code was decommissioned. */
        DECOMMISSIONED,
        /** The code was already dispensed or administered. */
        ALREADY_DISPENSED,
        /** Its batch is recalled. */
        RECALLED,
        /** Its batch is past its expiry date. */
        EXPIRED,
        /** A hold is in force on it, a container it was in, or its batch. */
        HELD,
        /** Commissioned, in circulation, nothing against it. */
        GENUINE
    }

    /**
     * One reason against (or for) the code.
     *
     * @param verdict the verdict it leads to
     * @param reason human explanation
     * @param proof ledger proof of the fact, where there is one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(Verdict verdict, String reason, Proof proof) {
    }

    /**
     * The answer to a scan.
     *
     * @param code the canonical code
     * @param verdict the verdict
     * @param reason why
     * @param findings every finding, most severe first
     * @param productId product
     * @param productName product name
     * @param batchId batch
     * @param batchNumber batch number
     * @param expiryDate expiry date
     * @param status unit status
     * @param custodian current custodian
     * @param commissionProof ledger proof of commissioning
     * @param resolution for a code the ledger never commissioned: what the identifier system says about it
     *     (held by another node, with its URL; registered at this node only; registered nowhere)
     * @param mismatches each field where the scan and the ledger disagree, with both values; null (left out) when
     *     there is none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String code, Verdict verdict, String reason, List<Finding> findings, String productId,
            String productName, String batchId, String batchNumber, LocalDate expiryDate, String status,
            String custodian, Proof commissionProof, ResolvedIdentifier resolution,
            List<PrintedData.Mismatch> mismatches) {
    }

    private final MasterData masterData;
    private final AlertService alerts;
    private final Clock clock;
    private final Function<String, Optional<ResolvedIdentifier>> identifiers;
    private final LedgerUnits ledgerUnits;

    /**
     * @param masterData the read model
     * @param alerts alerts
     * @param identifiers resolves codes the ledger does not know
     * @param ledgerUnits asked about a code the read model does not have, before it is called unknown
     */
    @Inject
    public VerificationService(final MasterData masterData, final AlertService alerts,
            final IdentifierLookup identifiers, final LedgerUnits ledgerUnits) {
        this(masterData, alerts, Clock.system(EXPIRY_ZONE), identifiers::lookUp, ledgerUnits);
    }

    /**
     * Without resolution of unknown codes.
     *
     * @param masterData the read model
     * @param alerts alerts
     */
    public VerificationService(final MasterData masterData, final AlertService alerts) {
        this(masterData, alerts, Clock.system(EXPIRY_ZONE));
    }

    /**
     * Without resolution of unknown codes.
     *
     * @param masterData the read model
     * @param alerts alerts
     * @param clock the clock deciding "expired"
     */
    public VerificationService(final MasterData masterData, final AlertService alerts, final Clock clock) {
        this(masterData, alerts, clock, code -> Optional.empty());
    }

    /**
     * @param masterData the read model
     * @param alerts alerts
     * @param clock the clock deciding "expired"
     * @param identifiers what the identifier system says about a code the ledger does not know
     */
    public VerificationService(final MasterData masterData, final AlertService alerts, final Clock clock,
            final Function<String, Optional<ResolvedIdentifier>> identifiers) {
        this(masterData, alerts, clock, identifiers, LedgerUnits.NOT_ASKED);
    }

    /**
     * @param masterData the read model
     * @param alerts alerts
     * @param clock the clock deciding "expired"
     * @param identifiers what the identifier system says about a code the ledger does not know
     * @param ledgerUnits asked about a code the read model does not have, before it is called unknown
     */
    public VerificationService(final MasterData masterData, final AlertService alerts, final Clock clock,
            final Function<String, Optional<ResolvedIdentifier>> identifiers, final LedgerUnits ledgerUnits) {
        this.masterData = masterData;
        this.alerts = alerts;
        this.clock = clock;
        this.identifiers = identifiers;
        this.ledgerUnits = ledgerUnits;
    }

    /**
     * @param caller who scans
     * @param scanned the code in any form
     * @return the verdict
     */
    public Result verify(final Caller caller, final String scanned) {
        final String code = masterData.canonical(scanned, "code");
        final Optional<Result> local = masterData.read(c -> {
            final Optional<Row> row = Jdbc.first(c, QUERY, Row::of, code);
            return row.isEmpty() ? Optional.<Result>empty()
                    : Optional.of(answer(c, caller, row.get(), PrintedData.read(scanned, LocalDate.now(clock).getYear())));
        });
        return local.isPresent() ? local.get() : unknown(caller, code);
    }

    /**
     * No row: the code is unknown, and scanning it raises an alert, unless the ledger has it and the read model has
     * not projected it yet (it lags behind after a restart or a database outage): then the answer is
     * {@code 503 NOT_YET_PROJECTED}, to be retried, and nothing is alerted. The ledger is asked outside the
     * database transaction.
     */
    private Result unknown(final Caller caller, final String code) {
        if (ledgerUnits.onLedger(caller, code)) {
            throw new ApiException(503, "NOT_YET_PROJECTED", "code " + code + " is on the ledger but not yet in the"
                    + " read model, which is catching up with the ledger; scan again in a moment", List.of());
        }
        final Finding finding = new Finding(Verdict.UNKNOWN, "code " + code + " was never commissioned on this ledger:"
                + " a misprint, a counterfeit, or a pack its maker has not commissioned here", null);
        final Result unknown = masterData.read(c -> {
            alerts.raise(c, AlertService.UNKNOWN_CODE, new AlertService.EndedUnit(code, null, null, null, null, null,
                    null), caller, "verification scan of a code the ledger does not know");
            return new Result(code, Verdict.UNKNOWN, finding.reason(), List.of(finding), null, null, null, null, null,
                    null, null, null, null, null);
        });
        return identifiers.apply(code).map(r -> withResolution(unknown, r)).orElse(unknown);
    }

    /** An unknown code, with what the identifier system says: resolved outside the database transaction. */
    private static Result withResolution(final Result unknown, final ResolvedIdentifier resolution) {
        final String reason = unknown.reason() + "; " + resolution.message();
        return new Result(unknown.code(), Verdict.UNKNOWN, reason, List.of(new Finding(Verdict.UNKNOWN, reason, null)),
                null, null, null, null, null, null, null, null, resolution, null);
    }

    private Result answer(final Connection c, final Caller caller, final Row r, final PrintedData printed)
            throws SQLException {
        final List<PrintedData.Mismatch> mismatches = printed.against(r.batchNumber, r.expiryDate);
        final List<Finding> findings = findings(r, LocalDate.now(clock), mismatches);
        final Finding first = findings.get(0);
        if (first.verdict() == Verdict.MISMATCH) {
            // The fact the scan contradicts is the batch's registration: its number and expiry.
            alerts.raise(c, AlertService.SCAN_DATA_MISMATCH, new AlertService.EndedUnit(r.code, r.batchId,
                    r.productId, r.batchRegisteredAt, r.batchMah, r.batchProof == null ? null : r.batchProof.txId(),
                    r.batchProof == null ? null : r.batchProof.blockNumber()), caller,
                    "verification scan: " + first.reason());
        }
        final Optional<Finding> ended = findings.stream().filter(f -> f.verdict() == Verdict.DESTROYED
                || f.verdict() == Verdict.ALREADY_DISPENSED).findFirst();
        if (ended.isPresent()) {
            final String kind = ended.get().verdict() == Verdict.DESTROYED
                    ? AlertService.SCAN_AFTER_DESTRUCTION : AlertService.SCAN_AFTER_DISPENSE;
            alerts.raise(c, kind, new AlertService.EndedUnit(r.code, r.batchId, r.productId, r.endedAt, r.endedBy,
                    r.end == null ? null : r.end.txId(), r.end == null ? null : r.end.blockNumber()), caller,
                    "verification scan: " + ended.get().reason());
        }
        return new Result(r.code, first.verdict(), first.reason(), findings, r.productId, r.productName, r.batchId,
                r.batchNumber, r.expiryDate, r.status, r.custodian, r.commission, null,
                mismatches.isEmpty() ? null : mismatches);
    }

    static List<Finding> findings(final Row r, final LocalDate today, final List<PrintedData.Mismatch> mismatches) {
        final List<Finding> findings = new ArrayList<>();
        if (!mismatches.isEmpty()) {
            findings.add(new Finding(Verdict.MISMATCH, "the scanned pack contradicts the ledger's batch " + r.batchId
                    + ": " + String.join("; ", mismatches.stream().map(PrintedData.Mismatch::describe).toList())
                    + " (a relabelled or falsified pack, or a copied code)", r.batchProof));
        }
        switch (r.status) {
            case "destroyed" -> findings.add(new Finding(Verdict.DESTROYED,
                    "destroyed at " + r.endedAt + " by " + r.endedBy, r.end));
            case "decommissioned" -> findings.add(new Finding(Verdict.DECOMMISSIONED,
                    "decommissioned at " + r.endedAt + " by " + r.endedBy, r.end));
            case "dispensed" -> findings.add(new Finding(Verdict.ALREADY_DISPENSED,
                    ("vaccination".equals(r.endKind) ? "administered" : "dispensed") + " at " + r.endedAt + " by "
                            + r.endedBy, r.end));
            default -> {
                // in circulation
            }
        }
        if (r.recallId != null) {
            findings.add(new Finding(Verdict.RECALLED, "batch " + r.batchId + " recalled (level " + r.recallLevel
                    + ", recall " + r.recallId + "): " + r.recallReason, r.recall));
        }
        if (r.expiryDate != null && r.expiryDate.isBefore(today)) {
            findings.add(new Finding(Verdict.EXPIRED, "batch " + r.batchId + " expired on " + r.expiryDate, null));
        }
        if (r.holdId != null) {
            findings.add(new Finding(Verdict.HELD, "on hold " + r.holdId + " since " + r.holdAt + ": "
                    + r.holdReason, r.hold));
        }
        if (findings.isEmpty()) {
            findings.add(new Finding(Verdict.GENUINE, "commissioned by the ledger, " + r.status + ", custodian "
                    + r.custodian, r.commission));
        }
        findings.sort(java.util.Comparator.comparing(Finding::verdict));
        return List.copyOf(findings);
    }

    private static final String QUERY = "SELECT u.code, u.status, u.custodian, u.batch_id, u.product_id, u.ended_at,"
            + " u.ended_by, u.end_kind, u.end_tx_id, u.end_block, u.commission_tx_id, u.commission_block,"
            + " b.expiry_date, b.batch_number, b.mah AS batch_mah, b.registered_at AS batch_registered_at,"
            + " b.tx_id AS batch_tx_id, b.block_number AS batch_block, p.name AS product_name,"
            + " rc.id AS recall_id, rc.level AS recall_level, rc.reason AS recall_reason, rc.tx_id AS recall_tx_id,"
            + " rc.block_number AS recall_block, h.id AS hold_id, h.reason AS hold_reason, h.placed_at AS hold_at,"
            + " h.place_tx_id AS hold_tx_id, h.place_block AS hold_block"
            + " FROM unit u LEFT JOIN batch b ON b.id = u.batch_id LEFT JOIN product p ON p.id = u.product_id"
            + " LEFT JOIN LATERAL (SELECT r.* FROM recall_batch rb JOIN recall r ON r.id = rb.recall_id"
            + "   WHERE rb.batch_id = u.batch_id ORDER BY r.created_at LIMIT 1) rc ON true"
            + " LEFT JOIN LATERAL (SELECT hh.* FROM hold hh WHERE hh.released_at IS NULL AND hh.id IN ("
            + "   SELECT hold_id FROM hold_unit WHERE code = u.code"
            + "   UNION ALL SELECT hold_id FROM hold_batch WHERE batch_id = u.batch_id)"
            + "   ORDER BY hh.placed_at LIMIT 1) h ON true"
            + " WHERE u.code = ?";

    /** One row of the verification query. */
    static final class Row {
        String code;
        String status;
        String custodian;
        String batchId;
        String productId;
        String productName;
        String batchNumber;
        LocalDate expiryDate;
        String batchMah;
        java.time.Instant batchRegisteredAt;
        Proof batchProof;
        java.time.Instant endedAt;
        String endedBy;
        String endKind;
        Proof end;
        Proof commission;
        String recallId;
        String recallLevel;
        String recallReason;
        Proof recall;
        String holdId;
        String holdReason;
        java.time.Instant holdAt;
        Proof hold;

        static Row of(final ResultSet rs) throws SQLException {
            final Row r = new Row();
            r.code = rs.getString("code");
            r.status = rs.getString("status");
            r.custodian = rs.getString("custodian");
            r.batchId = rs.getString("batch_id");
            r.productId = rs.getString("product_id");
            r.productName = rs.getString("product_name");
            r.batchNumber = rs.getString("batch_number");
            r.expiryDate = rs.getObject("expiry_date", LocalDate.class);
            r.batchMah = rs.getString("batch_mah");
            r.batchRegisteredAt = Jdbc.instant(rs, "batch_registered_at");
            r.batchProof = MasterData.proof(rs, "batch_tx_id", "batch_block");
            r.endedAt = Jdbc.instant(rs, "ended_at");
            r.endedBy = rs.getString("ended_by");
            r.endKind = rs.getString("end_kind");
            r.end = MasterData.proof(rs, "end_tx_id", "end_block");
            r.commission = MasterData.proof(rs, "commission_tx_id", "commission_block");
            r.recallId = rs.getString("recall_id");
            r.recallLevel = rs.getString("recall_level");
            r.recallReason = rs.getString("recall_reason");
            r.recall = MasterData.proof(rs, "recall_tx_id", "recall_block");
            r.holdId = rs.getString("hold_id");
            r.holdReason = rs.getString("hold_reason");
            r.holdAt = Jdbc.instant(rs, "hold_at");
            r.hold = MasterData.proof(rs, "hold_tx_id", "hold_block");
            return r;
        }
    }
}
