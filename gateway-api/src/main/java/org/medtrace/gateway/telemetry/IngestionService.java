// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.gateway.app.Worker;

/**
 * Ingestion of reading batches from any transport (HTTP, MQTT): authenticate the logger and parse on a worker, store
 * durably on a writer, and only then answer. Writers store whatever batches are waiting in one transaction (group
 * commit), so under load a commit's WAL flush serves many batches. Work in flight is bounded: a batch needs a ticket (workers + queue of them), and without one the
 * transport answers "overloaded, retry later" instead of buffering or dropping anything.
 */
@Startup
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class.getName());

    /** An admitted batch: the holder must {@link #run} it or {@link #release} it. */
    public final class Ticket {
        private final AtomicInteger released = new AtomicInteger();

        private Ticket() {
        }

        /**
         * Authenticates, parses and stores a batch on an ingestion worker; releases the ticket when done.
         *
         * @param token the logger's bearer token
         * @param body the batch
         * @param ndjson NDJSON rather than a JSON array
         * @return the result, or an {@link org.medtrace.gateway.errors.ApiException} /
         *     {@link MalformedBatchException} / {@link SQLException} failure
         */
        public CompletableFuture<IngestResult> run(final String token, final byte[] body, final boolean ndjson) {
            final CompletableFuture<IngestResult> result = new CompletableFuture<>();
            result.whenComplete((r, failure) -> release());
            try {
                workers.execute(() -> {
                    try {
                        writes.put(new Write(parse(token, body, ndjson), result));
                    } catch (Exception | Error e) {
                        result.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            return result;
        }

        /** Gives the ticket back (idempotent). */
        public void release() {
            if (released.getAndIncrement() == 0) {
                tickets.release();
            }
        }
    }

    private final LoggerCredentials credentials;
    private final BatchParser parser;
    private final ReadingStore store;
    private final Partitions partitions;
    private final Semaphore tickets;
    private final ExecutorService workers;
    private final GroupCommitQueue<Write> writes;
    private final List<Thread> writers = new ArrayList<>();
    private final TelemetryConfig config;

    /**
     * @param dataSource the database
     * @param credentials logger credentials
     * @param config telemetry configuration
     * @throws SQLException if the partitions cannot be prepared
     */
    @Inject
    public IngestionService(final AgroalDataSource dataSource, final LoggerCredentials credentials,
            final TelemetryConfig config) throws SQLException {
        this.config = config;
        this.credentials = credentials;
        final TelemetryConfig.Ingest ingest = config.ingest();
        this.parser = new BatchParser(ingest.readingsMax(), ingest.readingAgeDaysMax());
        this.partitions = new Partitions(dataSource);
        this.store = new ReadingStore(dataSource, partitions);
        this.tickets = new Semaphore(ingest.workers() + ingest.queue());
        final AtomicInteger threads = new AtomicInteger();
        // Never more queued than tickets, so the queue cannot grow past workers + queue.
        this.workers = new ThreadPoolExecutor(ingest.workers(), ingest.workers(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(ingest.workers() + ingest.queue()),
                r -> {
                    final Thread t = new Thread(r, "telemetry-ingest-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // A group never needs more than the batches admitted; its readings are bounded as configured.
        this.writes = new GroupCommitQueue<>(w -> w.pending().logger().key(), w -> w.pending().batch().size(),
                ingest.workers() + ingest.queue(), ingest.groupReadingsMax());
        preparePartitions();
        for (int i = 1; i <= ingest.writers(); i++) {
            writers.add(Worker.start("telemetry-writer-" + i, this::write));
        }
    }

    /** A parsed batch and whom to answer once it is stored. */
    private record Write(ReadingStore.Pending pending, CompletableFuture<IngestResult> result) {
    }

    /** Creates the partitions of yesterday to {@code partition-days-ahead} days ahead. */
    void preparePartitions() throws SQLException {
        partitions.prepare(Instant.now().atZone(ZoneOffset.UTC).toLocalDate(), config.partitionDaysAhead());
    }

    /** @return a ticket, or empty when the gateway is at its bound of batches in flight */
    public Optional<Ticket> admit() {
        return tickets.tryAcquire() ? Optional.of(new Ticket()) : Optional.empty();
    }

    /** @return the configured limits */
    TelemetryConfig.Ingest limits() {
        return config.ingest();
    }

    private ReadingStore.Pending parse(final String token, final byte[] body, final boolean ndjson)
            throws MalformedBatchException {
        final LoggerRef logger = credentials.authenticate(token);
        final long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return new ReadingStore.Pending(logger, parser.parse(body, ndjson, logger.loggerId(), now), now);
    }

    /** A writer's loop: store a group of parsed batches in one transaction, then answer each. */
    private void write() {
        while (true) {
            final List<Write> group;
            try {
                group = writes.take();
            } catch (InterruptedException e) {
                return;
            }
            if (group.isEmpty()) {
                return; // closed and drained
            }
            try {
                store(group);
            } finally {
                writes.done(group);
            }
        }
    }

    private void store(final List<Write> group) {
        try {
            final List<IngestResult> results = store.store(group.stream().map(Write::pending).toList());
            for (int i = 0; i < group.size(); i++) {
                LOG.fine(results.get(i)::toString);
                group.get(i).result().complete(results.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(e);
                return;
            }
            // Nothing of the group was stored: each batch alone, so that one batch's failure fails only its own.
            LOG.log(Level.FINE, "a group of " + group.size() + " batches failed; storing them one by one", e);
            for (final Write w : group) {
                store(List.of(w));
            }
        }
    }

    @PreDestroy
    void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "ingestion workers did not finish within 10 s");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // The writers store what was parsed, then end; a batch not stored by then is not acknowledged.
        writes.close();
        writers.forEach(Worker::join);
    }
}
