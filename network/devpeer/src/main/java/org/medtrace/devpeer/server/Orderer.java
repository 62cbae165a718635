// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.devpeer.ledger.Ledger;
import org.medtrace.devpeer.ledger.OrderedTx;

/**
 * The ordering stage and the committer, two threads. The cutter cuts a block when it holds {@code blockSizeMax}
 * transactions or {@code blockSizeBytesMax} bytes, when its oldest transaction has waited {@code batchTimeoutMs}, or
 * at once when the committer is idle: a lone transaction never waits for a timer. The committer takes every block
 * cut so far and commits them with one forced write, so under load many transactions share one fsync (group commit).
 */
final class Orderer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Orderer.class.getName());
    /** Blocks cut but not yet committed; the cutter waits beyond this (back-pressure). */
    private static final int BLOCKS_PENDING_MAX = 16;

    private final Ledger ledger;
    private final int blockSizeMax;
    private final long blockSizeBytesMax;
    private final long batchTimeoutNanos;
    private final int queueMax;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<OrderedTx> queue = new ArrayDeque<>();
    private final Deque<List<OrderedTx>> cut = new ArrayDeque<>();
    private final Thread cutter;
    private final Thread committer;
    private long queueBytes;
    private long oldestNanos;
    private boolean committing;
    private boolean running = true;
    private boolean cutterDone;
    private volatile String failure;

    Orderer(final Ledger ledger, final int blockSizeMax, final long blockSizeBytesMax, final long batchTimeoutMs,
            final int queueMax) {
        this.ledger = ledger;
        this.blockSizeMax = blockSizeMax;
        this.blockSizeBytesMax = blockSizeBytesMax;
        this.batchTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(batchTimeoutMs);
        this.queueMax = queueMax;
        this.cutter = new Thread(this::cutLoop, "devpeer-cutter");
        this.committer = new Thread(this::commitLoop, "devpeer-committer");
        cutter.setDaemon(true);
        committer.setDaemon(true);
        cutter.start();
        committer.start();
    }

    /**
     * Queues a transaction for ordering.
     *
     * @return null if queued, else why not (queue full, ledger failed, shutting down)
     */
    String offer(final OrderedTx tx) {
        lock.lock();
        try {
            if (failure != null) {
                return failure;
            }
            if (!running) {
                return "the ordering service is shutting down";
            }
            if (queue.size() >= queueMax) {
                return "the ordering queue is full (" + queueMax + " transactions)";
            }
            if (queue.isEmpty()) {
                oldestNanos = System.nanoTime();
            }
            queue.add(tx);
            queueBytes += tx.sizeBytes();
            changed.signalAll();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void cutLoop() {
        lock.lock();
        try {
            while (running) {
                if (queue.isEmpty() || cut.size() >= BLOCKS_PENDING_MAX) {
                    changed.await();
                    continue;
                }
                final boolean committerIdle = cut.isEmpty() && !committing;
                final long waited = System.nanoTime() - oldestNanos;
                if (committerIdle || queue.size() >= blockSizeMax || queueBytes >= blockSizeBytesMax
                        || waited >= batchTimeoutNanos) {
                    cut.add(takeBatch());
                    changed.signalAll();
                } else {
                    changed.awaitNanos(batchTimeoutNanos - waited);
                }
            }
            // Shutting down: what was accepted is still cut, so the committer can commit it before it stops.
            while (!queue.isEmpty() && failure == null) {
                cut.add(takeBatch());
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            cutterDone = true;
            changed.signalAll();
            lock.unlock();
        }
    }

    /** Takes up to one block's worth of transactions off the queue; caller holds the lock. */
    private List<OrderedTx> takeBatch() {
        final List<OrderedTx> batch = new ArrayList<>(Math.min(queue.size(), blockSizeMax));
        long bytes = 0;
        while (!queue.isEmpty() && batch.size() < blockSizeMax
                && (batch.isEmpty() || bytes + queue.peek().sizeBytes() <= blockSizeBytesMax)) {
            final OrderedTx tx = queue.poll();
            bytes += tx.sizeBytes();
            batch.add(tx);
        }
        queueBytes -= bytes;
        oldestNanos = System.nanoTime();
        return batch;
    }

    private void commitLoop() {
        while (true) {
            final List<List<OrderedTx>> blocks = new ArrayList<>();
            lock.lock();
            try {
                while (cut.isEmpty() && !(cutterDone && !running)) {
                    changed.await();
                }
                if (cut.isEmpty() || failure != null) {
                    return;
                }
                blocks.addAll(cut);
                cut.clear();
                committing = true;
                changed.signalAll();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            commit(blocks);
        }
    }

    private void commit(final List<List<OrderedTx>> blocks) {
        try {
            ledger.commit(blocks);
        } catch (final IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "committing blocks failed; the peer stops ordering", e);
            failure = "the ledger failed: " + e.getMessage();
        }
        lock.lock();
        try {
            committing = false;
            if (failure != null) {
                running = false;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            cutter.join(TimeUnit.SECONDS.toMillis(10));
            committer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
