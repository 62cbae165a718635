// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.gateway.members.RoleGrants;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerService;
import org.medtrace.gateway.writes.LedgerWrites;

/**
 * The life of windows: in the background, closes the windows that are due (their end plus the grace period has
 * passed) and puts pending anchors and excursions on the ledger; on demand, closes and anchors a logger's or a
 * shipment's open windows up to now, so that an honest trip can be received at once.
 */
@Startup
@ApplicationScoped
public class TelemetryService {

    private static final Logger LOG = Logger.getLogger(TelemetryService.class.getName());
    private static final int LOGGERS_PER_CYCLE = 1000;
    private static final int SHIPMENT_LOGGERS_MAX = 100;

    /**
     * The outcome of closing on demand.
     *
     * @param loggerId the logger
     * @param windowsClosed windows closed by this call
     * @param allAnchored true if no window or excursion of the logger is left waiting for the ledger
     */
    public record Closing(String loggerId, int windowsClosed, boolean allAnchored) {
    }

    private final AgroalDataSource dataSource;
    private final WindowCloser closer;
    private final LedgerAnchoring anchoring;
    private final IngestionService ingestion;
    private final ScheduledExecutorService scheduler;
    private final LedgerService ledger;
    private final ObjectMapper mapper;
    private final RoleGrants grants;

    /**
     * @param dataSource the database
     * @param config telemetry configuration
     * @param writes the ledger write path
     * @param ledger the ledger (for the identities anchors are signed with)
     * @param ingestion ingestion (for the partitions kept ahead)
     * @param mapper JSON
     * @param grants the role checks, for regulators
     */
    @Inject
    public TelemetryService(final AgroalDataSource dataSource, final TelemetryConfig config,
            final LedgerWrites writes, final LedgerService ledger, final IngestionService ingestion,
            final ObjectMapper mapper, final RoleGrants grants) {
        this.dataSource = dataSource;
        this.grants = grants;
        this.ingestion = ingestion;
        this.ledger = ledger;
        this.mapper = mapper;
        this.closer = new WindowCloser(dataSource, config, mapper);
        this.anchoring = new LedgerAnchoring(dataSource, writes, ledger.network().identities());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "telemetry-windows");
            t.setDaemon(true);
            return t;
        });
        if (config.closeIntervalSeconds() > 0) {
            scheduler.scheduleWithFixedDelay(this::cycle, config.closeIntervalSeconds(),
                    config.closeIntervalSeconds(), TimeUnit.SECONDS);
        }
    }

    /** One background round: partitions ahead, due windows, pending ledger writes. */
    void cycle() {
        try {
            ingestion.preparePartitions();
            final Instant now = Instant.now();
            for (final int logger : closer.due(now, LOGGERS_PER_CYCLE)) {
                closer.close(logger, now, false);
            }
            for (final int logger : anchoring.pending(LOGGERS_PER_CYCLE)) {
                anchoring.submit(logger);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "telemetry window round failed; next round retries", e);
        }
    }

    /**
     * Closes and anchors a logger's open windows up to now.
     *
     * @param caller the caller: the logger's organisation or a regulator
     * @param loggerId the logger (canonical)
     * @return what was closed
     */
    public Closing closeLogger(final Caller caller, final String loggerId) {
        try (Connection c = dataSource.getConnection()) {
            final LoggerRef logger = loggerOf(c, loggerId);
            if (!caller.mspId().equals(logger.ownerMsp()) && !grants.holds(caller, Role.REGULATOR)) {
                throw ApiException.forbidden("logger " + loggerId + " belongs to " + logger.ownerMsp());
            }
            return closeNow(logger);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the windows of " + loggerId, e);
        }
    }

    /**
     * Closes and anchors the open windows of every logger that travels with a shipment, up to now: the receiver
     * calls it before {@code custody:receive}, which needs an anchored window of the trip.
     *
     * @param caller the shipment's sender or receiver, or a regulator
     * @param shipmentId the shipment
     * @return one entry per logger
     * @throws LedgerException if the ledger cannot be read or does not know the shipment
     */
    public List<Closing> closeShipment(final Caller caller, final String shipmentId) throws LedgerException {
        final JsonNode shipment;
        try {
            shipment = mapper.readTree(ledger.client().evaluate(caller.identity(), "shipment:get",
                    mapper.writeValueAsBytes(java.util.Map.of("id", shipmentId))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the ledger answered with something that is not JSON", e);
        }
        final String from = shipment.path("from").asText();
        final String to = shipment.path("to").asText();
        if (!caller.mspId().equals(from) && !caller.mspId().equals(to) && !grants.holds(caller, Role.REGULATOR)) {
            throw ApiException.forbidden("only the sender, the receiver or a regulator closes the windows of"
                    + " shipment " + shipmentId);
        }
        // The ledger's shipment names its loggers (those associated with the goods when shipped or since).
        final List<Closing> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (final JsonNode loggerId : shipment.path("loggers")) {
                if (out.size() == SHIPMENT_LOGGERS_MAX) {
                    break;
                }
                final java.util.Optional<LoggerRef> logger = find(c, loggerId.asText());
                if (logger.isPresent()) {
                    out.add(closeNow(logger.get()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the windows of shipment " + shipmentId, e);
        }
    }

    private Closing closeNow(final LoggerRef logger) throws SQLException {
        // A millisecond back: the ledger keeps instants to the millisecond, and the window must end by now.
        final Instant until = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        final int closed = closer.close(logger.key(), until, true).size();
        final boolean done = anchoring.submit(logger.key());
        return new Closing(logger.loggerId(), closed, done);
    }

    static LoggerRef loggerOf(final Connection c, final String loggerId) throws SQLException {
        return find(c, loggerId).orElseThrow(() -> new ApiException(404, "LOGGER_NOT_FOUND", "logger " + loggerId
                + " has sent no readings to this gateway (no credential issued)", List.of()));
    }

    static java.util.Optional<LoggerRef> find(final Connection c, final String loggerId) throws SQLException {
        return Jdbc.first(c, "SELECT logger_key, logger_id, owner_msp FROM telemetry_logger WHERE logger_id = ?",
                rs -> new LoggerRef(rs.getInt(1), rs.getString(2), rs.getString(3)), loggerId);
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
    }
}
