// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerService;
import org.medtrace.gateway.telemetry.merkle.MerkleTree;
import org.medtrace.gateway.telemetry.merkle.ReadingLeaf;

/** Reads of the telemetry records: readings, windows, excursions, inclusion proofs and their verification. */
@ApplicationScoped
public class TelemetryQueries {

    /** Readings one page holds at most. */
    public static final int PAGE_MAX = 10_000;
    private static final HexFormat HEX = HexFormat.of();
    /** A cursor's time lies in years 1..9999, as every stored reading's does (PostgreSQL refuses far more). */
    private static final long CURSOR_MICROS_MIN = micros(Instant.parse("0001-01-01T00:00:00Z"));
    private static final long CURSOR_MICROS_MAX = micros(Instant.parse("9999-12-31T23:59:59.999999Z"));

    private final AgroalDataSource dataSource;
    private final LedgerService ledger;
    private final ObjectMapper mapper;

    /**
     * @param dataSource the database
     * @param ledger the ledger (verification reads the anchor from it)
     * @param mapper JSON
     */
    @Inject
    public TelemetryQueries(final AgroalDataSource dataSource, final LedgerService ledger, final ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.mapper = mapper;
    }

    /**
     * @param loggerId the logger
     * @param from first reading time (inclusive)
     * @param to end (exclusive)
     * @param cursor the previous page's {@code next}, or null
     * @param limit at most this many, 1..{@link #PAGE_MAX}
     * @return the page
     */
    public TelemetryViews.ReadingPage readings(final String loggerId, final Instant from, final Instant to,
            final String cursor, final int limit) {
        if (limit < 1 || limit > PAGE_MAX) {
            throw ApiException.invalid("limit", "must be 1.." + PAGE_MAX);
        }
        long fromMicros = micros(from == null ? Instant.EPOCH : from);
        long afterSeq = -1;
        if (cursor != null) {
            final String[] parts = cursor.split("_");
            try {
                fromMicros = Long.parseLong(parts[0]);
                afterSeq = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw ApiException.invalid("cursor", "is not a cursor this API returned");
            }
            if (fromMicros < CURSOR_MICROS_MIN || fromMicros > CURSOR_MICROS_MAX || afterSeq < 0) {
                throw ApiException.invalid("cursor", "is not a cursor this API returned");
            }
        }
        try (Connection c = dataSource.getConnection()) {
            final LoggerRef logger = TelemetryService.loggerOf(c, loggerId);
            final List<StoredReading> rows = StoredReading.page(c, logger.key(), fromMicros,
                    to == null ? Long.MAX_VALUE / 2 : micros(to), afterSeq, limit + 1);
            final boolean more = rows.size() > limit;
            final List<StoredReading> page = more ? rows.subList(0, limit) : rows;
            final StoredReading last = page.isEmpty() ? null : page.get(page.size() - 1);
            return new TelemetryViews.ReadingPage(logger.loggerId(),
                    page.stream().map(TelemetryViews.Reading::of).toList(),
                    more ? last.timeMicros() + "_" + last.seq() : null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read readings", e);
        }
    }

    /**
     * @param loggerId the logger
     * @param from windows ending after this, or null
     * @param to windows starting before this, or null
     * @return its closed windows, oldest first (at most 1000)
     */
    public List<TelemetryViews.Window> windows(final String loggerId, final Instant from, final Instant to) {
        try (Connection c = dataSource.getConnection()) {
            final LoggerRef logger = TelemetryService.loggerOf(c, loggerId);
            return Jdbc.query(c, "SELECT * FROM telemetry_window WHERE logger_key = ? AND window_end > ? AND"
                    + " window_start < ? ORDER BY window_end LIMIT 1000", rs -> new TelemetryViews.Window(
                            logger.loggerId(), Jdbc.instant(rs, "window_start"), Jdbc.instant(rs, "window_end"),
                            rs.getInt("reading_count"), rs.getString("merkle_root"), json(rs.getString("summary")),
                            rs.getString("status"), rs.getString("tx_id"), Jdbc.nullableLong(rs, "block_number"),
                            rs.getString("error")), logger.key(), from == null ? Instant.EPOCH : from,
                    to == null ? Instant.parse("9999-12-31T00:00:00Z") : to);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read windows", e);
        }
    }

    /**
     * @param loggerId the logger
     * @return its excursions, oldest first (at most 1000)
     */
    public List<TelemetryViews.Excursion> excursions(final String loggerId) {
        try (Connection c = dataSource.getConnection()) {
            final LoggerRef logger = TelemetryService.loggerOf(c, loggerId);
            return Jdbc.query(c, "SELECT * FROM telemetry_excursion WHERE logger_key = ? ORDER BY started_at,"
                    + " excursion_id LIMIT 1000", rs -> new TelemetryViews.Excursion(rs.getString("excursion_id"),
                            logger.loggerId(), rs.getString("rule"), rs.getString("kind"),
                            Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "detected_at"), rs.getInt("minutes"),
                            (Double) rs.getObject("peak_celsius"), rs.getString("status"), rs.getString("tx_id"),
                            Jdbc.nullableLong(rs, "block_number"), rs.getString("error")), logger.key());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read excursions", e);
        }
    }

    /**
     * @param loggerId the logger
     * @param seq the reading's sequence number
     * @return its inclusion proof
     * @throws ApiException 404 for an unknown reading, 409 for one in no anchored window
     */
    public TelemetryViews.Proof proof(final String loggerId, final long seq) {
        try (Connection c = dataSource.getConnection()) {
            final LoggerRef logger = TelemetryService.loggerOf(c, loggerId);
            final StoredReading reading = StoredReading.bySeq(c, logger.key(), seq)
                    .orElseThrow(() -> ApiException.notFound("reading", loggerId + " #" + seq));
            if (reading.late()) {
                throw new ApiException(409, "READING_NOT_ANCHORED", "reading #" + seq + " arrived after its window"
                        + " closed: it is stored but in no anchored window", List.of());
            }
            final Object[] window = Jdbc.first(c, "SELECT window_start, window_end, merkle_root, tx_id, block_number"
                    + " FROM telemetry_window WHERE logger_key = ? AND window_start <= ? AND window_end > ?",
                    rs -> new Object[] {Jdbc.instant(rs, "window_start"), Jdbc.instant(rs, "window_end"),
                        rs.getString(3), rs.getString(4), Jdbc.nullableLong(rs, "block_number")}, logger.key(),
                    reading.time(), reading.time()).orElseThrow(() -> new ApiException(409, "READING_NOT_ANCHORED",
                            "reading #" + seq + " lies in a window that is still open", List.of()));
            final List<StoredReading> leaves = StoredReading.window(c, logger.key(), micros((Instant) window[0]),
                    micros((Instant) window[1]));
            final List<byte[]> hashes = StoredReading.leafHashes(logger.loggerId(), leaves);
            final int index = indexOf(leaves, seq);
            final byte[] root = MerkleTree.root(hashes);
            if (!HEX.formatHex(root).equals(window[2])) {
                throw new IllegalStateException("window of logger " + loggerId + " ending " + window[1]
                        + " no longer hashes to its recorded root");
            }
            return new TelemetryViews.Proof(logger.loggerId(), TelemetryViews.Reading.of(reading),
                    HEX.formatHex(reading.leaf(logger.loggerId())), index, hashes.size(),
                    MerkleTree.inclusionPath(hashes, index).stream().map(HEX::formatHex).toList(), (String) window[2],
                    (Instant) window[0], (Instant) window[1], (String) window[3], (Long) window[4]);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the proof", e);
        }
    }

    /**
     * Checks a proof without trusting this gateway's database: the leaf is rebuilt from the reading, folded up the
     * audit path, and compared with the anchor the ledger returns for the window.
     *
     * @param caller whose identity reads the ledger
     * @param proof the proof
     * @return the checks
     * @throws LedgerException if the ledger cannot be read
     */
    public TelemetryViews.Verification verify(final Caller caller, final TelemetryViews.Proof proof)
            throws LedgerException {
        final TelemetryViews.Reading r = proof.reading();
        final long time = micros(r.time());
        final byte[] leaf = ReadingLeaf.encode(proof.loggerId(), r.seq(), time, r.celsius(), r.humidity(),
                r.battery(), r.door() == null ? null : "open".equals(r.door()));
        final boolean leafOk = proof.leaf() == null || Arrays.equals(leaf, hex("leaf", proof.leaf()));
        final List<byte[]> path = new ArrayList<>();
        for (final String node : proof.auditPath()) {
            path.add(hex("auditPath", node));
        }
        final boolean inWindow = !r.time().isBefore(proof.windowStart()) && r.time().isBefore(proof.windowEnd());
        final boolean pathOk = inWindow && MerkleTree.verify(MerkleTree.leafHash(leaf), proof.leafIndex(),
                proof.treeSize(), path, hex("merkleRoot", proof.merkleRoot()));
        final JsonNode anchor = ledgerAnchor(caller, proof);
        final boolean found = anchor != null;
        final boolean rootOk = found && anchor.path("merkleRoot").asText().equalsIgnoreCase(proof.merkleRoot())
                && anchor.path("readingCount").asLong() == proof.treeSize();
        return new TelemetryViews.Verification(leafOk, pathOk, found, rootOk, leafOk && pathOk && rootOk, anchor);
    }

    private JsonNode ledgerAnchor(final Caller caller, final TelemetryViews.Proof proof) throws LedgerException {
        final byte[] request = json(Map.of("loggerId", proof.loggerId(), "from", proof.windowStart().toString(),
                "to", proof.windowEnd().toString(), "pageSize", 10));
        final JsonNode answer = parse(ledger.client().evaluate(caller.identity(), "telemetry:anchors", request));
        for (final JsonNode anchor : answer.path("anchors")) {
            if (Instant.parse(anchor.path("windowStart").asText()).equals(proof.windowStart())
                    && Instant.parse(anchor.path("windowEnd").asText()).equals(proof.windowEnd())) {
                return anchor;
            }
        }
        return null;
    }

    private static int indexOf(final List<StoredReading> leaves, final long seq) {
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i).seq() == seq) {
                return i;
            }
        }
        throw new IllegalStateException("reading #" + seq + " is missing from its window");
    }

    private static byte[] hex(final String field, final String text) {
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "is not hex");
        }
    }

    /** @throws ArithmeticException beyond ±292,000 years (not ChronoUnit.MICROS, which overflows at ±292) */
    static long micros(final Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private JsonNode json(final String text) {
        return text == null ? null : parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] json(final Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(final byte[] bytes) {
        try {
            return mapper.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON", e);
        }
    }
}
