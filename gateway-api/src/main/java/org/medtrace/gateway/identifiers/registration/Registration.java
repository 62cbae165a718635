// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.registration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.identifiers.node.PostgresHandleStore;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;

/**
 * One step of automatic registration at a time, in one database transaction: read the cursor (table
 * {@code handle_registration_cursor}), take the next registering events the projection committed, write the
 * records they imply, advance the cursor. The cursor remembers the id of its event: when the row at its place holds
 * another event (or none), the read model was rebuilt and the walk starts again from the beginning.
 */
public final class Registration {

    /** Most identifiers written in one step: a whole bulk commissioning (10,000 codes) fits in one. */
    static final int HANDLES_PER_STEP = 10_000;
    /** Most events read in one step. */
    static final int EVENTS_PER_STEP = 500;

    private static final Logger LOG = Logger.getLogger(Registration.class.getName());

    private final DataSource dataSource;
    private final ReadModelRecords records;

    /**
     * Where registration stands.
     *
     * @param eventSeq the last projected event handled ({@code trace_event.seq})
     * @param handlesWritten identifiers created or changed so far
     * @param updatedAt when the cursor last moved
     * @param lastError the error that stops registration right now, if any
     */
    public record Status(long eventSeq, long handlesWritten, Instant updatedAt, String lastError) {
    }

    private record Cursor(long seq, String eventId, long written) {
    }

    Registration(final DataSource dataSource, final ReadModelRecords records) {
        this.dataSource = dataSource;
        this.records = records;
    }

    /**
     * @return true if there may be more to register right away
     * @throws IllegalStateException on a database error (nothing of the step is kept)
     */
    boolean registerNext() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                final boolean more = step(c);
                c.commit();
                return more;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("identifier registration step failed: " + e.getMessage(), e);
        }
    }

    private boolean step(final Connection c) throws SQLException {
        Cursor cursor = Jdbc.first(c, "SELECT event_seq, event_id, handles_written FROM handle_registration_cursor"
                + " WHERE id = 1 FOR UPDATE", rs -> new Cursor(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .orElseThrow(() -> new IllegalStateException("handle_registration_cursor row missing"));
        if (cursor.seq() > 0 && Jdbc.first(c, "SELECT 1 FROM trace_event WHERE seq = ? AND event_id = ?",
                rs -> 1, cursor.seq(), cursor.eventId()).isEmpty()) {
            LOG.info(() -> "the read model was rebuilt: identifier registration walks it again from the start");
            cursor = new Cursor(0, null, cursor.written());
            Jdbc.update(c, "UPDATE handle_registration_cursor SET event_seq = 0, event_id = NULL, updated_at = now()"
                    + " WHERE id = 1");
        }
        final long last = Jdbc.first(c, "SELECT coalesce(max(seq), 0) FROM trace_event", rs -> rs.getLong(1))
                .orElse(0L);
        if (last <= cursor.seq()) {
            return false;
        }
        final List<ReadModelRecords.EventRow> events = Jdbc.query(c, "SELECT seq, event_id, transaction_name,"
                + " biz_step FROM trace_event WHERE seq > ? AND seq <= ? AND " + ReadModelRecords.REGISTERING_EVENTS
                + " ORDER BY seq LIMIT ?", rs -> new ReadModelRecords.EventRow(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), cursor.seq(), last, EVENTS_PER_STEP);
        final Map<Identifier, HandleRecord> pending = new LinkedHashMap<>();
        ReadModelRecords.EventRow reached = null;
        for (final ReadModelRecords.EventRow event : events) {
            for (final HandleRecord record : records.recordsOf(c, event)) {
                pending.put(record.handle(), record);
            }
            reached = event;
            if (pending.size() >= HANDLES_PER_STEP) {
                break;
            }
        }
        final boolean exhausted = events.size() < EVENTS_PER_STEP && reached == lastOf(events);
        final long seq = exhausted ? last : reached.seq();
        final Optional<String> eventId = exhausted
                ? Jdbc.first(c, "SELECT event_id FROM trace_event WHERE seq = ?", rs -> rs.getString(1), last)
                : Optional.of(reached.eventId());
        final int written = PostgresHandleStore.mergeOwned(c, new ArrayList<>(pending.values()),
                LedgerValues::owned);
        Jdbc.update(c, "UPDATE handle_registration_cursor SET event_seq = ?, event_id = ?,"
                + " handles_written = ?, updated_at = now() WHERE id = 1", seq, eventId.orElse(null),
                cursor.written() + written);
        return !exhausted;
    }

    private static ReadModelRecords.EventRow lastOf(final List<ReadModelRecords.EventRow> events) {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /**
     * @param lastError the error that stops registration now, if any
     * @return where registration stands
     */
    Status status(final String lastError) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.first(c, "SELECT event_seq, handles_written, updated_at FROM handle_registration_cursor"
                    + " WHERE id = 1", rs -> new Status(rs.getLong(1), rs.getLong(2), Jdbc.instant(rs, "updated_at"),
                            lastError))
                    .orElseThrow(() -> new IllegalStateException("handle_registration_cursor row missing"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the registration cursor", e);
        }
    }
}
