// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.regulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.projection.Proof;
import org.medtrace.gateway.members.RoleGrants;
import org.medtrace.gateway.provenance.MasterData;

/** Regulator queries over the read model: events by product, batch, organisation, time range and bizStep; alerts. */
@ApplicationScoped
public class RegulatorService {

    @Inject
    MasterData masterData;
    @Inject
    RoleGrants grants;

    /**
     * Filters of an event query; null means any.
     *
     * @param productId product
     * @param batchId batch
     * @param organization MSP id acting, shipping or receiving
     * @param from event time, inclusive
     * @param to event time, exclusive
     * @param bizStep CBV business step
     * @param after cursor: the last {@code seq} of the previous page
     * @param pageSize 1..1000
     */
    public record EventQuery(String productId, String batchId, String organization, Instant from, Instant to,
            String bizStep, Long after, int pageSize) {
    }

    /**
     * One event as the regulator sees it: the whole EPCIS event and its proof.
     *
     * @param seq position in the read model (page cursor)
     * @param event the EPCIS event as on the ledger
     * @param proof ledger proof
     */
    public record EventRow(long seq, JsonNode event, Proof proof) {
    }

    /**
     * A page.
     *
     * @param items rows
     * @param nextAfter cursor of the next page, null at the end
     * @param <T> row type
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page<T>(List<T> items, Long nextAfter) {
    }

    /**
     * An alert.
     *
     * @param id id (page cursor)
     * @param kind DUPLICATE_DISPENSE, SCAN_AFTER_DISPENSE, SCAN_AFTER_DESTRUCTION, UNKNOWN_CODE, SCAN_DATA_MISMATCH
     * @param code the code
     * @param batchId batch
     * @param productId product
     * @param observedAt when
     * @param observedBy which organisation
     * @param clientId which client
     * @param detail what happened
     * @param priorProof ledger proof of the earlier fact contradicted
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlertRow(long id, String kind, String code, String batchId, String productId, Instant observedAt,
            String observedBy, String clientId, String detail, Proof priorProof) {
    }

    /**
     * @param caller must be a regulator
     * @param query filters
     * @return a page of events, oldest first
     */
    public Page<EventRow> events(final Caller caller, final EventQuery query) {
        requireRegulator(caller);
        final StringBuilder sql = new StringBuilder("SELECT te.seq, te.payload, te.tx_id, te.block_number"
                + " FROM trace_event te WHERE te.seq > ?");
        final List<Object> params = new ArrayList<>();
        params.add(query.after() == null ? 0L : query.after());
        if (query.productId() != null) {
            sql.append(" AND te.seq IN (SELECT event_seq FROM trace_event_product WHERE product_id = ?)");
            params.add(masterData.canonical(query.productId(), "productId"));
        }
        if (query.batchId() != null) {
            sql.append(" AND te.seq IN (SELECT event_seq FROM trace_event_batch WHERE batch_id = ?)");
            params.add(masterData.canonical(query.batchId(), "batchId"));
        }
        if (query.organization() != null) {
            sql.append(" AND (te.actor_msp = ? OR te.source_msp = ? OR te.destination_msp = ?)");
            params.add(query.organization());
            params.add(query.organization());
            params.add(query.organization());
        }
        if (query.from() != null) {
            sql.append(" AND te.event_time >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND te.event_time < ?");
            params.add(query.to());
        }
        if (query.bizStep() != null) {
            sql.append(" AND te.biz_step = ?");
            params.add(query.bizStep());
        }
        sql.append(" ORDER BY te.seq LIMIT ?");
        params.add(query.pageSize() + 1);
        final List<EventRow> rows = masterData.read(c -> Jdbc.query(c, sql.toString(),
                rs -> new EventRow(rs.getLong(1), masterData.json(rs.getString(2)),
                        MasterData.proof(rs, "tx_id", "block_number")), params.toArray()));
        return page(rows, query.pageSize(), EventRow::seq);
    }

    /**
     * @param caller must be a regulator
     * @param kind alert kind or null
     * @param from observed at or after, or null
     * @param to observed before, or null
     * @param after cursor or null
     * @param pageSize 1..1000
     * @return a page of alerts, oldest first
     */
    public Page<AlertRow> alerts(final Caller caller, final String kind, final Instant from, final Instant to,
            final Long after, final int pageSize) {
        requireRegulator(caller);
        final List<AlertRow> rows = masterData.read(c -> Jdbc.query(c, "SELECT * FROM alert WHERE id > ?"
                + " AND (?::text IS NULL OR kind = ?) AND (?::timestamptz IS NULL OR observed_at >= ?)"
                + " AND (?::timestamptz IS NULL OR observed_at < ?) ORDER BY id LIMIT ?",
                rs -> new AlertRow(rs.getLong("id"), rs.getString("kind"), rs.getString("code"),
                        rs.getString("batch_id"), rs.getString("product_id"), Jdbc.instant(rs, "observed_at"),
                        rs.getString("observed_by_msp"), rs.getString("client_id"), rs.getString("detail"),
                        MasterData.proof(rs, "prior_tx_id", "prior_block")),
                after == null ? 0L : after, kind, kind, from, from, to, to, pageSize + 1));
        return page(rows, pageSize, AlertRow::id);
    }

    private static <T> Page<T> page(final List<T> rows, final int pageSize,
            final java.util.function.ToLongFunction<T> cursor) {
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        final List<T> items = rows.subList(0, pageSize);
        return new Page<>(List.copyOf(items), cursor.applyAsLong(items.get(pageSize - 1)));
    }

    private void requireRegulator(final Caller caller) {
        grants.require(caller, Role.REGULATOR, "regulator queries");
    }
}
