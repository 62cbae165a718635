// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import javax.sql.DataSource;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleValue;

/**
 * Handle records in PostgreSQL (table {@code handle_record}, migration V200): one row per handle with its values
 * as Handle.Net REST JSON. Many records are written with one statement over arrays ({@code unnest}), so a batch of
 * thousands costs one round trip.
 */
public final class PostgresHandleStore implements HandleStore {

    /** A create raced with another writer of the same handle this many times in a row: give up. */
    private static final int RACE_RETRIES_MAX = 3;

    private static final String ORIGIN_API = "api";
    private static final String ORIGIN_LEDGER = "ledger";

    private final DataSource dataSource;

    /** @param dataSource the database, migrated */
    public PostgresHandleStore(final DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<HandleRecord> find(final Identifier handle) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.first(c, "SELECT values_json FROM handle_record WHERE handle = ?",
                    rs -> StoredValues.decode(handle, rs.getString(1)), handle.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read handle " + handle, e);
        }
    }

    @Override
    public <T> T update(final Identifier handle, final Function<Optional<HandleRecord>, Change<T>> decide) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    final Optional<T> done = tryUpdate(c, handle, decide);
                    if (done.isPresent()) {
                        c.commit();
                        return done.get();
                    }
                    c.rollback();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot update handle " + handle, e);
            }
            if (attempt == RACE_RETRIES_MAX) {
                throw new IllegalStateException("handle " + handle + " was created concurrently " + attempt
                        + " times while this request tried to create it");
            }
        }
    }

    /** @return the result, or empty when another writer created the handle between the read and the insert */
    private static <T> Optional<T> tryUpdate(final Connection c, final Identifier handle,
            final Function<Optional<HandleRecord>, Change<T>> decide) throws SQLException {
        final Optional<HandleRecord> current = Jdbc.first(c,
                "SELECT values_json FROM handle_record WHERE handle = ? FOR UPDATE",
                rs -> StoredValues.decode(handle, rs.getString(1)), handle.toString());
        final Change<T> change = decide.apply(current);
        if (change instanceof Write<T> write) {
            if (!write.record().handle().equals(handle)) {
                throw new IllegalArgumentException("a change of " + handle + " wrote " + write.record().handle());
            }
            if (current.isPresent()) {
                Jdbc.update(c, "UPDATE handle_record SET values_json = ?, updated_at = now() WHERE handle = ?",
                        StoredValues.encode(write.record()), handle.toString());
            } else if (Jdbc.update(c, "INSERT INTO handle_record (handle, prefix, values_json, origin)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (handle) DO NOTHING", handle.toString(), handle.prefix(),
                    StoredValues.encode(write.record()), ORIGIN_API) == 0) {
                return Optional.empty();
            }
        } else if (change instanceof Delete<T> && current.isPresent()) {
            Jdbc.update(c, "DELETE FROM handle_record WHERE handle = ?", handle.toString());
        }
        return Optional.of(change.result());
    }

    @Override
    public List<CreateOutcome> createAll(final List<HandleRecord> records) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                final List<CreateOutcome> outcomes = createAll(c, records);
                if (outcomes.contains(CreateOutcome.CONFLICT)) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + records.size() + " handles", e);
        }
    }

    private static List<CreateOutcome> createAll(final Connection c, final List<HandleRecord> records)
            throws SQLException {
        final Set<String> inserted = new HashSet<>(insertNew(c, records, ORIGIN_API, new HashMap<>()));
        final List<String> existing = new ArrayList<>();
        for (final HandleRecord record : records) {
            if (!inserted.contains(record.handle().toString())) {
                existing.add(record.handle().toString());
            }
        }
        final Map<String, String> stored = storedValues(c, existing);
        final List<CreateOutcome> outcomes = new ArrayList<>(records.size());
        for (final HandleRecord record : records) {
            final String handle = record.handle().toString();
            if (inserted.contains(handle)) {
                outcomes.add(CreateOutcome.CREATED);
            } else {
                final String json = stored.get(handle);
                final boolean same = json != null
                        && StoredValues.sameContent(StoredValues.decode(record.handle(), json), record);
                outcomes.add(same ? CreateOutcome.UNCHANGED : CreateOutcome.CONFLICT);
            }
        }
        return outcomes;
    }

    /**
     * Registers what the ledger says about identifiers, in the caller's transaction: per record, the values at the
     * indexes the ledger owns are replaced by the given ones and every other value is kept, so what an administrator
     * added survives. Records whose result equals what is stored are not written.
     *
     * @param c a connection inside a transaction
     * @param fresh the ledger's records, distinct handles, only owned indexes
     * @param owned which indexes the ledger owns
     * @return how many records were created or changed
     * @throws SQLException on a database error
     */
    public static int mergeOwned(final Connection c, final List<HandleRecord> fresh, final IntPredicate owned)
            throws SQLException {
        final List<String> handles = new ArrayList<>(fresh.size());
        fresh.forEach(r -> handles.add(r.handle().toString()));
        final Map<String, String> stored = storedValues(c, handles);
        final Map<HandleValue, String> memo = new HashMap<>();
        final List<HandleRecord> toInsert = new ArrayList<>();
        final List<String> updateHandles = new ArrayList<>();
        final List<String> updateValues = new ArrayList<>();
        for (final HandleRecord record : fresh) {
            final String json = stored.get(record.handle().toString());
            if (json == null) {
                toInsert.add(record);
                continue;
            }
            final HandleRecord merged = merge(StoredValues.decode(record.handle(), json), record, owned);
            final String mergedJson = StoredValues.encode(merged, memo);
            if (!mergedJson.equals(json)) {
                updateHandles.add(record.handle().toString());
                updateValues.add(mergedJson);
            }
        }
        final int inserted = insertNew(c, toInsert, ORIGIN_LEDGER, memo).size();
        if (!updateHandles.isEmpty()) {
            Jdbc.update(c, "UPDATE handle_record h SET values_json = t.v, updated_at = now()"
                    + " FROM unnest(?::text[], ?::text[]) AS t(h, v) WHERE h.handle = t.h", updateHandles,
                    updateValues);
        }
        return inserted + updateHandles.size();
    }

    private static HandleRecord merge(final HandleRecord stored, final HandleRecord fresh, final IntPredicate owned) {
        final List<HandleValue> values = new ArrayList<>(fresh.values());
        for (final HandleValue value : stored.values()) {
            if (!owned.test(value.index())) {
                values.add(value);
            }
        }
        return new HandleRecord(stored.handle(), StoredValues.inIndexOrder(values));
    }

    /** @return the handles actually inserted (not those that existed) */
    private static List<String> insertNew(final Connection c, final List<HandleRecord> records, final String origin,
            final Map<HandleValue, String> memo) throws SQLException {
        if (records.isEmpty()) {
            return List.of();
        }
        final List<String> handles = new ArrayList<>(records.size());
        final List<String> prefixes = new ArrayList<>(records.size());
        final List<String> values = new ArrayList<>(records.size());
        for (final HandleRecord record : records) {
            handles.add(record.handle().toString());
            prefixes.add(record.handle().prefix());
            values.add(StoredValues.encode(record, memo));
        }
        return Jdbc.query(c, "INSERT INTO handle_record (handle, prefix, values_json, origin)"
                + " SELECT t.h, t.p, t.v, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS t(h, p, v)"
                + " ON CONFLICT (handle) DO NOTHING RETURNING handle", rs -> rs.getString(1), origin, handles,
                prefixes, values);
    }

    private static Map<String, String> storedValues(final Connection c, final List<String> handles)
            throws SQLException {
        final Map<String, String> stored = new HashMap<>();
        if (!handles.isEmpty()) {
            for (final String[] row : Jdbc.query(c, "SELECT handle, values_json FROM handle_record"
                    + " WHERE handle = ANY(?::text[])", rs -> new String[] {rs.getString(1), rs.getString(2)},
                    handles)) {
                stored.put(row[0], row[1]);
            }
        }
        return stored;
    }
}
