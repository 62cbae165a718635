// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.telemetry.evaluation.Band;
import org.medtrace.gateway.telemetry.evaluation.Presets;
import org.medtrace.gateway.telemetry.evaluation.Rule;

/**
 * Which band and rules apply to a logger: those of the products it guards now, found through its live associations
 * and the aggregation tree below them in the read model (a logger on a case watches the units in it). A product's
 * band is its storage on the ledger (2-8 °C when it has none); its preset comes from configuration.
 */
final class RuleResolver {

    /** What a logger is evaluated against. */
    record Applicable(Band band, List<Rule> rules, long episodeStartMicros, List<String> productIds) {
    }

    private static final int PRODUCTS_MAX = 100;
    private static final int DEPTH_MAX = 10;

    private final TelemetryConfig config;

    RuleResolver(final TelemetryConfig config) {
        this.config = config;
    }

    Applicable resolve(final Connection c, final String loggerId) throws SQLException {
        final List<Object[]> products = Jdbc.query(c, "WITH RECURSIVE tree(code, depth) AS (SELECT target, 0 FROM"
                + " logger_association WHERE logger_id = ? AND valid_to IS NULL UNION SELECT e.child, t.depth + 1"
                + " FROM aggregation_edge e JOIN tree t ON e.parent = t.code WHERE e.valid_to IS NULL AND t.depth < ?)"
                + " SELECT DISTINCT p.id, (p.record #>> '{storage,minCelsius}')::float8,"
                + " (p.record #>> '{storage,maxCelsius}')::float8 FROM tree JOIN unit u ON u.code = tree.code"
                + " JOIN product p ON p.id = u.product_id ORDER BY p.id LIMIT ?",
                rs -> new Object[] {rs.getString(1), rs.getObject(2), rs.getObject(3)}, loggerId, DEPTH_MAX,
                PRODUCTS_MAX);
        final Optional<Instant> episode = Jdbc.first(c, "SELECT min(valid_from) FROM logger_association WHERE"
                + " logger_id = ? AND valid_to IS NULL HAVING count(*) > 0", rs -> Jdbc.instant(rs, "min"), loggerId);
        final long episodeStart = episode.map(TelemetryQueries::micros)
                .orElse(Long.MIN_VALUE);
        final List<Band> bands = new ArrayList<>();
        final List<String> presets = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        for (final Object[] product : products) {
            ids.add((String) product[0]);
            bands.add(product[1] instanceof Number lo && product[2] instanceof Number hi
                    && lo.doubleValue() < hi.doubleValue()
                    ? new Band(lo.doubleValue(), hi.doubleValue()) : Band.VACCINE_DEFAULT);
            presets.add(config.productPresets().getOrDefault((String) product[0], config.defaultPreset()));
        }
        if (bands.isEmpty()) {
            bands.add(Band.VACCINE_DEFAULT);
            presets.add(config.defaultPreset());
        }
        final Band band = Band.strictest(bands);
        // Several products: every product's rules apply (deduplicated by name); the strictest band for "band".
        final Map<String, Rule> rules = new LinkedHashMap<>();
        for (final String preset : presets.stream().distinct().toList()) {
            for (final Rule rule : Presets.rules(preset, band, config.bandToleranceMinutes() * 60,
                    config.gapAlarmMinutes() * 60)) {
                rules.putIfAbsent(rule.name(), rule);
            }
        }
        return new Applicable(band, List.copyOf(rules.values()), episodeStart, List.copyOf(ids));
    }
}
