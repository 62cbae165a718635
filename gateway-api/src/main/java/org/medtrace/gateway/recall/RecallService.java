// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.recall;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.members.RoleGrants;
import org.medtrace.gateway.projection.Proof;
import org.medtrace.gateway.provenance.MasterData;

/** A recall and its scope: who holds the recalled goods now, what is in transit, what was already dispensed. */
@ApplicationScoped
public class RecallService {

    /** Most dispensed units listed in one scope answer; the count is always complete. */
    static final int DISPENSED_LISTED_MAX = 1_000;

    @Inject
    MasterData masterData;
    @Inject
    RoleGrants grants;

    /**
     * A recall.
     *
     * @param id id
     * @param level I, II, III
     * @param reason reason
     * @param createdBy who
     * @param createdAt when
     * @param batchIds batches
     * @param proof ledger proof
     */
    public record RecallView(String id, String level, String reason, String createdBy, Instant createdAt,
            List<String> batchIds, Proof proof) {
    }

    /**
     * A current holder.
     *
     * @param custodian organisation
     * @param units units it holds (active, not in transit)
     * @param quantity total remaining quantity of lot-based goods
     */
    public record Holder(String custodian, long units, BigDecimal quantity) {
    }

    /**
     * Units on the road.
     *
     * @param shipmentId shipment
     * @param from shipper
     * @param to receiver
     * @param units units in it
     */
    public record InTransit(String shipmentId, String from, String to, long units) {
    }

    /**
     * A unit already dispensed (patients or vaccinees to contact).
     *
     * @param code the unit
     * @param dispensedAt when
     * @param dispensedBy where
     * @param kind dispense or vaccination
     * @param proof ledger proof
     */
    public record Dispensed(String code, Instant dispensedAt, String dispensedBy, String kind, Proof proof) {
    }

    /**
     * The scope of a recall.
     *
     * @param recall the recall
     * @param holders current holders with quantities
     * @param inTransit units in transit by shipment
     * @param dispensedCount how many units were dispensed
     * @param dispensed the dispensed units (at most 1,000 listed)
     * @param destroyedCount destroyed units
     * @param derivedBatchIds batches made from the recalled ones (not recalled by this recall)
     */
    public record Scope(RecallView recall, List<Holder> holders, List<InTransit> inTransit, long dispensedCount,
            List<Dispensed> dispensed, long destroyedCount, List<String> derivedBatchIds) {
    }

    /**
     * @param id recall id
     * @return the recall
     */
    public RecallView get(final String id) {
        return masterData.read(c -> Jdbc.first(c, "SELECT r.*, ARRAY(SELECT batch_id FROM recall_batch rb"
                + " WHERE rb.recall_id = r.id ORDER BY batch_id) AS batch_ids FROM recall r WHERE r.id = ?",
                rs -> new RecallView(rs.getString("id"), rs.getString("level"), rs.getString("reason"),
                        rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                        MasterData.strings(rs, "batch_ids"), MasterData.proof(rs, "tx_id", "block_number")), id))
                .orElseThrow(() -> ApiException.notFound("recall", id));
    }

    /**
     * @param caller who asks: a regulator, or the MAH of a recalled batch
     * @param id recall id
     * @return the scope
     */
    public Scope scope(final Caller caller, final String id) {
        final RecallView recall = get(id);
        final List<String> batches = recall.batchIds();
        return masterData.read(c -> {
            if (Jdbc.first(c, "SELECT 1 FROM batch WHERE id = ANY(?) AND mah = ?", rs -> 1, batches,
                    caller.mspId()).isEmpty() && !grants.holds(caller, Role.REGULATOR)) {
                throw ApiException.forbidden("only a regulator or the MAH of a recalled batch sees the scope");
            }
            final List<Holder> holders = Jdbc.query(c, "SELECT custodian, count(*), sum(quantity) FROM unit"
                    + " WHERE batch_id = ANY(?) AND status = 'active' GROUP BY custodian ORDER BY custodian",
                    rs -> new Holder(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)), batches);
            final List<InTransit> transit = Jdbc.query(c, "SELECT s.id, s.from_msp, s.to_msp, count(*) FROM unit u"
                    + " JOIN shipment s ON s.id = u.shipment_id WHERE u.batch_id = ANY(?) AND u.status = 'in_transit'"
                    + " GROUP BY s.id, s.from_msp, s.to_msp ORDER BY s.id",
                    rs -> new InTransit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), batches);
            final long dispensedCount = count(c, batches, "dispensed");
            final List<Dispensed> dispensed = Jdbc.query(c, "SELECT code, ended_at, ended_by, end_kind, end_tx_id,"
                    + " end_block FROM unit WHERE batch_id = ANY(?) AND status = 'dispensed' ORDER BY ended_at, code"
                    + " LIMIT ?", rs -> new Dispensed(rs.getString(1), Jdbc.instant(rs, "ended_at"), rs.getString(3),
                    rs.getString(4), MasterData.proof(rs, "end_tx_id", "end_block")), batches, DISPENSED_LISTED_MAX);
            final List<String> derived = Jdbc.query(c, "SELECT DISTINCT o.batch_id FROM transformation_input i"
                    + " JOIN transformation_output o ON o.transformation_id = i.transformation_id"
                    + " WHERE i.batch_id = ANY(?) ORDER BY 1", rs -> rs.getString(1), batches);
            return new Scope(recall, holders, transit, dispensedCount, dispensed, count(c, batches, "destroyed"),
                    derived);
        });
    }

    private static long count(final java.sql.Connection c, final List<String> batches, final String status)
            throws java.sql.SQLException {
        return Jdbc.first(c, "SELECT count(*) FROM unit WHERE batch_id = ANY(?) AND status = ?", rs -> rs.getLong(1),
                batches, status).orElse(0L);
    }
}
