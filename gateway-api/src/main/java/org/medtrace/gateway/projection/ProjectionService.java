// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.gateway.app.MedtraceConfig;
import org.medtrace.gateway.app.Worker;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.ledger.LedgerClient;
import org.medtrace.gateway.ledger.LedgerEvent;
import org.medtrace.gateway.ledger.LedgerEventStream;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerIdentity;
import org.medtrace.gateway.ledger.LedgerPosition;
import org.medtrace.gateway.ledger.LedgerService;

/**
 * Keeps the read model in step with the ledger: one thread reads the chaincode events from the checkpoint and
 * projects each transaction in one database transaction together with the new checkpoint, so a crash never loses
 * or doubles a transaction. Writers wait here until their transaction is projected (read-your-writes).
 */
@ApplicationScoped
public class ProjectionService {

    private static final Logger LOG = Logger.getLogger(ProjectionService.class.getName());

    /** Tables a rebuild empties; alerts are the gateway's own observations and survive. */
    static final String READ_MODEL_TABLES = "product, batch, unit, trace_event, trace_event_unit, trace_event_batch,"
            + " trace_event_product, aggregation_edge, shipment, shipment_logger, transformation,"
            + " transformation_input, transformation_output, hold, hold_unit, hold_batch, recall, recall_batch,"
            + " logger, logger_association, telemetry_anchor, excursion, member";

    private final AgroalDataSource dataSource;
    private final LedgerService ledger;
    private final MedtraceConfig config;
    private final Projector projector;

    /**
     * How many blocks the search for the catch-up target reads at most, backwards from the ledger's height; on a
     * ledger of this chaincode nearly every block holds one of its events, so it usually reads one.
     */
    static final int CATCH_UP_SEARCH_BLOCKS_MAX = 1_000;

    private final Object progress = new Object();
    private long lastBlock = -1;
    private final Set<String> lastBlockTxIds = new HashSet<>();
    private volatile CatchUp catchUp;
    private volatile boolean connected;
    private volatile String lastError;
    private volatile Long rebuildTargetBlock;
    private volatile String rebuildTargetTxId;

    private volatile boolean running;
    private Thread worker;
    private volatile LedgerEventStream stream;

    /** Followers of the read model (identifier registration) hear of each projected transaction, asynchronously. */
    @Inject
    Event<TransactionProjected> projectedEvents;

    /**
     * @param dataSource the read model's database
     * @param ledger the ledger
     * @param config configuration
     * @param mapper JSON mapper
     */
    @Inject
    public ProjectionService(final AgroalDataSource dataSource, final LedgerService ledger,
            final MedtraceConfig config, final ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.config = config;
        this.projector = new Projector(mapper);
    }

    void onStart(@Observes final StartupEvent event) {
        start();
    }

    void onStop(@Observes final ShutdownEvent event) {
        stop();
    }

    /** @return where the projection stands. */
    public ProjectionStatus status() {
        try (Connection c = dataSource.getConnection()) {
            final Checkpoint cp = Checkpoint.read(c);
            final Long target = rebuildTargetBlock;
            final double done = target == null ? 1.0 : Math.min(1.0, (double) cp.blockNumber() / Math.max(1, target));
            return new ProjectionStatus(cp.blockNumber(), cp.txId().orElse(null), cp.eventsProjected(), connected,
                    target != null, target, done, cp.updatedAt());
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read the projection checkpoint", e);
        }
    }

    /**
     * Where the projection must get to before the read model is as recent as the ledger was when the projection
     * (re)connected: the last transaction with an event of the chaincode below the ledger height seen then. Writes
     * acknowledged while the database was down are in the read model only once the target is reached.
     *
     * @param ledgerHeight the ledger's height when the projection (re)connected
     * @param target the last event's transaction below that height, or null if there was none to wait for
     * @param reached true once the projection has projected the target
     */
    public record CatchUp(long ledgerHeight, LedgerPosition target, boolean reached) {
    }

    /** @return the catch-up of the current connection, or empty until the projection has connected once */
    public Optional<CatchUp> catchUp() {
        return Optional.ofNullable(catchUp);
    }

    /** @return the error that stops the projection right now, if any */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /**
     * Waits until a committed transaction is in the read model.
     *
     * @param txId the transaction
     * @param blockNumber its block
     * @return true if projected within {@code medtrace.projection.await-timeout-ms}
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitProjected(final String txId, final long blockNumber) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.projection().awaitTimeoutMs());
        synchronized (progress) {
            while (!projected(blockNumber, txId)) {
                final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMs <= 0) {
                    return false;
                }
                progress.wait(leftMs);
            }
            return true;
        }
    }

    /**
     * Waits until the read model holds every event of the chaincode committed before this call, or the timeout
     * passes: for a refusal decided from the read model that a write committed a moment ago may have made untrue (a
     * role granted in the member registry, for one). Reads the ledger's height and, backwards down to the last
     * projected block, at most {@value #CATCH_UP_SEARCH_BLOCKS_MAX} blocks of filtered events.
     *
     * @param identity the identity the ledger is asked with
     * @param timeoutMs how long to wait at most
     * @return true if the read model is as recent as the ledger was when called
     * @throws LedgerException if the ledger did not answer
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitCurrent(final String identity, final long timeoutMs)
            throws LedgerException, InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        final long height = ledger.blockHeight(identity);
        final long from;
        synchronized (progress) {
            from = Math.max(0, lastBlock);
        }
        final Optional<LedgerPosition> last = ledger.client().lastEvent(identity, from, height,
                CATCH_UP_SEARCH_BLOCKS_MAX);
        if (last.isEmpty()) {
            return true;
        }
        synchronized (progress) {
            while (!projected(last.get().blockNumber(), last.get().transactionId())) {
                final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMs <= 0) {
                    return false;
                }
                progress.wait(leftMs);
            }
            return true;
        }
    }

    /** Caller holds {@code progress}. @return true if the transaction is in the read model */
    private boolean projected(final long blockNumber, final String txId) {
        return lastBlock > blockNumber || lastBlock == blockNumber && lastBlockTxIds.contains(txId);
    }

    /**
     * Empties the read model and projects it again from block 0, in the background.
     *
     * @return the status at the start of the rebuild
     */
    public synchronized ProjectionStatus rebuild() {
        stop();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            final Checkpoint before = Checkpoint.read(c);
            Jdbc.update(c, "TRUNCATE " + READ_MODEL_TABLES + " RESTART IDENTITY");
            Checkpoint.reset(c);
            c.commit();
            rebuildTargetTxId = before.txId().orElse(null);
            rebuildTargetBlock = before.txId().isPresent() ? before.blockNumber() : null;
            LOG.info(() -> "rebuilding the read model from block 0 up to block " + before.blockNumber());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the read model", e);
        }
        synchronized (progress) {
            lastBlock = -1;
            lastBlockTxIds.clear();
        }
        start();
        return status();
    }

    private synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Worker.start("medtrace-projection", this::run);
    }

    private synchronized void stop() {
        running = false;
        final LedgerEventStream open = stream;
        if (open != null) {
            open.close();
        }
        Worker.stop(worker);
        worker = null;
    }

    private void run() {
        while (running) {
            try {
                follow();
            } catch (RuntimeException | SQLException | LedgerException e) {
                if (running) {
                    final String error = String.valueOf(e.getMessage());
                    if (!error.equals(lastError)) {
                        LOG.log(Level.WARNING, "projection interrupted, retrying: " + error, e);
                    }
                    lastError = error;
                }
            } finally {
                connected = false;
            }
            if (running) {
                try {
                    Thread.sleep(config.projection().reconnectDelayMs());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void follow() throws SQLException, LedgerException {
        final Checkpoint from;
        try (Connection c = dataSource.getConnection()) {
            from = Checkpoint.read(c);
        }
        synchronized (progress) {
            lastBlock = Math.max(lastBlock, from.blockNumber());
            from.txId().ifPresent(lastBlockTxIds::add);
        }
        final LedgerClient client = ledger.client();
        final String identity = eventIdentity(client);
        startCatchUp(identity, from.blockNumber());
        try (LedgerEventStream events = client.events(identity, from.blockNumber(), from.txId())) {
            stream = events;
            connected = true;
            while (running && events.hasNext()) {
                projectTransaction(events.next());
            }
        } finally {
            stream = null;
        }
    }

    /**
     * Sets the target the projection must reach before it reports itself caught up: the last event below the
     * ledger's height now. Searching backwards stops at the checkpoint's block, so after a short outage it reads a
     * block or two.
     */
    private void startCatchUp(final String identity, final long fromBlock) throws LedgerException {
        final long height = ledger.blockHeight(identity);
        final Optional<LedgerPosition> target = ledger.client().lastEvent(identity, fromBlock, height,
                CATCH_UP_SEARCH_BLOCKS_MAX);
        if (target.isEmpty() && height - fromBlock > CATCH_UP_SEARCH_BLOCKS_MAX) {
            LOG.warning(() -> "no event of the chaincode in the last " + CATCH_UP_SEARCH_BLOCKS_MAX + " blocks below"
                    + " height " + height + "; readiness does not wait for the projection to catch up");
        }
        synchronized (progress) {
            final boolean reached = target.isEmpty() || projected(target.get().blockNumber(),
                    target.get().transactionId());
            catchUp = new CatchUp(height, target.orElse(null), reached);
        }
        if (target.isPresent() && !catchUp.reached()) {
            LOG.info(() -> "projection catching up from block " + fromBlock + " to block "
                    + target.get().blockNumber() + " (ledger height " + height + ")");
        }
    }

    private void projectTransaction(final LedgerEvent event) throws SQLException {
        int projected = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (Projector.EVENT_NAME.equals(event.eventName())) {
                    projected = projector.project(c, event.blockNumber(), event.transactionId(), event.payload());
                }
                Checkpoint.advance(c, event.blockNumber(), event.transactionId(), projected);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        lastError = null;
        synchronized (progress) {
            if (event.blockNumber() != lastBlock) {
                lastBlockTxIds.clear();
                lastBlock = event.blockNumber();
            }
            lastBlockTxIds.add(event.transactionId());
            final Long target = rebuildTargetBlock;
            if (target != null && projected(target, rebuildTargetTxId)) {
                rebuildTargetBlock = null;
                LOG.info("read model rebuilt up to block " + lastBlock);
            }
            final CatchUp current = catchUp;
            if (current != null && !current.reached() && projected(current.target().blockNumber(),
                    current.target().transactionId())) {
                catchUp = new CatchUp(current.ledgerHeight(), current.target(), true);
                LOG.info("projection caught up with the ledger (height " + current.ledgerHeight() + ") at block "
                        + lastBlock);
            }
            progress.notifyAll();
        }
        if (projected > 0 && projectedEvents != null) {
            projectedEvents.fireAsync(new TransactionProjected(event.blockNumber(), event.transactionId(), projected));
        }
    }

    private String eventIdentity(final LedgerClient client) {
        final Optional<String> configured = config.ledger().eventIdentity();
        return configured.orElseGet(() -> client.identities().stream().map(LedgerIdentity::name).sorted()
                .findFirst().orElseThrow());
    }

    /** The persistent checkpoint: the block to resume at and the last transaction done in it. */
    record Checkpoint(long blockNumber, Optional<String> txId, long eventsProjected, Instant updatedAt) {

        static Checkpoint read(final Connection c) throws SQLException {
            return Jdbc.first(c, "SELECT block_number, tx_id, events_projected, updated_at FROM projection_checkpoint"
                    + " WHERE id = 1", rs -> new Checkpoint(rs.getLong(1), Optional.ofNullable(rs.getString(2)),
                    rs.getLong(3), Jdbc.instant(rs, "updated_at")))
                    .orElseThrow(() -> new IllegalStateException("projection_checkpoint row missing"));
        }

        static void advance(final Connection c, final long block, final String txId, final int events)
                throws SQLException {
            Jdbc.update(c, "UPDATE projection_checkpoint SET block_number = ?, tx_id = ?,"
                    + " events_projected = events_projected + ?, updated_at = now() WHERE id = 1", block, txId, events);
        }

        static void reset(final Connection c) throws SQLException {
            Jdbc.update(c, "UPDATE projection_checkpoint SET block_number = 0, tx_id = NULL, events_projected = 0,"
                    + " updated_at = now() WHERE id = 1");
        }
    }
}
