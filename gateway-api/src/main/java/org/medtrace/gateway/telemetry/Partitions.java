// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The daily partitions of {@code telemetry_reading}: created ahead of time for the coming days, and on demand for the
 * day of a reading that arrives for a day without one (a logger unloading a backlog). Creation is serialised by an
 * advisory lock, so that concurrent gateways or batches never race on the same partition.
 */
final class Partitions {

    private static final Logger LOG = Logger.getLogger(Partitions.class.getName());
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long LOCK_KEY = 0x6d65647472616365L; // "medtrace"
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final DataSource dataSource;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    Partitions(final DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param micros a reading time @return its UTC day */
    static LocalDate dayOf(final long micros) {
        return LocalDate.ofEpochDay(Math.floorDiv(micros, MICROS_PER_DAY));
    }

    /** @param day a day @return the name of its partition */
    static String tableOf(final LocalDate day) {
        return "telemetry_reading_" + day.format(SUFFIX);
    }

    /**
     * Makes sure the partitions of today - 1 .. today + daysAhead exist, and learns which exist.
     *
     * @param today today (UTC)
     * @param daysAhead days ahead
     * @throws SQLException on a database error
     */
    void prepare(final LocalDate today, final int daysAhead) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c"
                        + " ON c.oid = i.inhrelid WHERE i.inhparent = 'telemetry_reading'::regclass")) {
            while (rs.next()) {
                final String name = rs.getString(1);
                known.add(LocalDate.parse(name.substring(name.length() - 8), SUFFIX));
            }
        }
        final Set<LocalDate> days = new TreeSet<>();
        for (int d = -1; d <= daysAhead; d++) {
            days.add(today.plusDays(d));
        }
        ensure(days);
    }

    /**
     * @param days days that must have a partition
     * @throws SQLException on a database error
     */
    void ensure(final Collection<LocalDate> days) throws SQLException {
        final Set<LocalDate> missing = new TreeSet<>();
        for (final LocalDate day : days) {
            if (!known.contains(day)) {
                missing.add(day);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                for (final LocalDate day : missing) {
                    final LocalDate next = day.plusDays(1);
                    s.execute("CREATE TABLE IF NOT EXISTS " + tableOf(day) + " PARTITION OF telemetry_reading"
                            + " FOR VALUES FROM ('" + day.atStartOfDay(ZoneOffset.UTC).toInstant() + "') TO ('"
                            + next.atStartOfDay(ZoneOffset.UTC).toInstant() + "')");
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        known.addAll(missing);
        LOG.fine(() -> "readings partitions ready for " + missing);
    }
}
