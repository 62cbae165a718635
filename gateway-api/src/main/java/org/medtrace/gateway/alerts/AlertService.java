// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.ledger.ChaincodeRefusedException;

/**
 * Suspicious-use alerts for regulators: a code dispensed (or administered) a second time, a code scanned or used
 * after its destruction, a pack whose printed lot or expiry contradicts the ledger. Each alert points at the ledger
 * proof of the earlier fact it contradicts.
 */
@ApplicationScoped
public class AlertService {

    /** A second dispense (or administration) of one code: 回流药 or a counterfeit copy. */
    public static final String DUPLICATE_DISPENSE = "DUPLICATE_DISPENSE";
    /** A dispensed code scanned again at a point of use: 回流药 or a copied code. */
    public static final String SCAN_AFTER_DISPENSE = "SCAN_AFTER_DISPENSE";
    /** A code the ledger never commissioned: a counterfeit or a misprint. */
    public static final String UNKNOWN_CODE = "UNKNOWN_CODE";
    /** A destroyed code seen again. */
    public static final String SCAN_AFTER_DESTRUCTION = "SCAN_AFTER_DESTRUCTION";
    /**
     * A scanned pack whose printed lot (AI 10) or expiry (AI 17) contradicts the ledger's batch: a relabelled or
     * falsified pack, or a copied code (EU FMD's batch and expiry mismatch alerts).
     */
    public static final String SCAN_DATA_MISMATCH = "SCAN_DATA_MISMATCH";

    private static final Logger LOG = Logger.getLogger(AlertService.class.getName());
    private static final int REFUSED_CODES_MAX = 100;

    private final DataSource dataSource;

    /** @param dataSource the read model */
    @Inject
    public AlertService(final DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Called when the ledger refused a dispense or administration: raises one alert per code whose read-model state
     * explains the refusal (already dispensed, destroyed).
     *
     * @param caller who tried
     * @param codes the canonical codes of the refused request
     * @param refusal the ledger's refusal
     */
    public void onRefusedUse(final Caller caller, final List<String> codes, final ChaincodeRefusedException refusal) {
        final String kind = switch (refusal.code()) {
            case "UNIT_ALREADY_DISPENSED" -> DUPLICATE_DISPENSE;
            case "UNIT_DESTROYED" -> SCAN_AFTER_DESTRUCTION;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        final String status = DUPLICATE_DISPENSE.equals(kind) ? "dispensed" : "destroyed";
        try (Connection c = dataSource.getConnection()) {
            final List<EndedUnit> ended = Jdbc.query(c, "SELECT code, batch_id, product_id, ended_at, ended_by,"
                    + " end_tx_id, end_block FROM unit WHERE code = ANY(?) AND status = ? ORDER BY code LIMIT ?",
                    EndedUnit::of, codes.subList(0, Math.min(codes.size(), REFUSED_CODES_MAX)), status,
                    REFUSED_CODES_MAX);
            for (final EndedUnit unit : ended) {
                raise(c, kind, unit, caller, "refused " + refusal.code() + ": " + refusal.chaincodeMessage());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record alert", e);
        }
    }

    /**
     * Raises an alert for a verification scan: of an ended unit, an unknown code, or a pack that contradicts its batch.
     *
     * @param c connection
     * @param kind alert kind
     * @param unit the unit as projected
     * @param caller who scanned
     * @param detail what happened
     * @throws SQLException on a database error
     */
    public void raise(final Connection c, final String kind, final EndedUnit unit, final Caller caller,
            final String detail) throws SQLException {
        Jdbc.update(c, "INSERT INTO alert (kind, code, batch_id, product_id, observed_at, observed_by_msp, client_id,"
                + " detail, prior_tx_id, prior_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", kind, unit.code(),
                unit.batchId(), unit.productId(), Instant.now(), caller.mspId(), caller.clientId(),
                detail + "; " + unit.describe(), unit.endTxId(), unit.endBlock());
        LOG.info(() -> kind + " " + unit.code() + " seen by " + caller.mspId());
    }

    /**
     * A unit and the earlier ledger fact an alert contradicts: its dispensing, destruction or decommissioning, or
     * (for a data mismatch) its batch's registration.
     *
     * @param code the code
     * @param batchId batch
     * @param productId product
     * @param endedAt when that fact was recorded
     * @param endedBy by whom
     * @param endTxId ledger proof
     * @param endBlock ledger proof
     */
    public record EndedUnit(String code, String batchId, String productId, Instant endedAt, String endedBy,
            String endTxId, Long endBlock) {

        /** @param rs row @return the unit @throws SQLException on a driver error */
        public static EndedUnit of(final java.sql.ResultSet rs) throws SQLException {
            return new EndedUnit(rs.getString("code"), rs.getString("batch_id"), rs.getString("product_id"),
                    Jdbc.instant(rs, "ended_at"), rs.getString("ended_by"), rs.getString("end_tx_id"),
                    Jdbc.nullableLong(rs, "end_block"));
        }

        String describe() {
            return endedAt == null ? "no earlier ledger record" : "earlier at " + endedAt + " by " + Optional.ofNullable(endedBy).orElse("?");
        }
    }
}
