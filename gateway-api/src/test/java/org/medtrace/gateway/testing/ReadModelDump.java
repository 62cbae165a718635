// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Every row of every rebuildable read-model table, in a stable order, to compare two projections. */
public final class ReadModelDump {

    /** The tables a projection fills (alert and the checkpoint's clock are not projected facts). */
    public static final List<String> TABLES = List.of("product", "batch", "unit", "trace_event", "trace_event_unit",
            "trace_event_batch", "trace_event_product", "aggregation_edge", "shipment", "shipment_logger",
            "transformation", "transformation_input", "transformation_output", "hold", "hold_unit", "hold_batch",
            "recall", "recall_batch", "logger", "logger_association", "telemetry_anchor", "excursion", "member");

    private ReadModelDump() {
    }

    /**
     * @param dataSource the database
     * @return table name to its rows as text, sorted
     */
    public static Map<String, List<String>> dump(final DataSource dataSource) {
        final Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (final String table : TABLES) {
                final List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                tables.put(table, rows);
            }
            try (ResultSet rs = s.executeQuery("SELECT block_number, tx_id, events_projected FROM"
                    + " projection_checkpoint")) {
                rs.next();
                tables.put("projection_checkpoint", List.of(rs.getLong(1) + " " + rs.getString(2) + " "
                        + rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump the read model", e);
        }
        return tables;
    }
}
