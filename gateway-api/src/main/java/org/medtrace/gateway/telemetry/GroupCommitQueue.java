// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

/**
 * Work waiting to be stored, handed to the writers a group at a time, so that a writer stores many batches in one
 * transaction (one COPY, one commit, one WAL flush) instead of one each. A group holds at most one item per key (per
 * logger) and no key that another writer's group holds, so one logger's batches are stored one after the other in
 * the order they were put; it holds at most {@code countMax} items and, beyond its first item, {@code weightMax} in
 * weight (readings). The queue holds no more than what was admitted before it, so it has no bound of its own.
 *
 * @param <T> the items
 */
final class GroupCommitQueue<T> {

    private final ToIntFunction<T> key;
    private final ToIntFunction<T> weight;
    private final int countMax;
    private final int weightMax;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private final Set<Integer> inFlight = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;

    /**
     * @param key the key of an item (a logger); two items with one key are never in flight at once
     * @param weight an item's weight (its readings)
     * @param countMax items in one group
     * @param weightMax weight of one group (a group's first item is taken whatever its weight)
     */
    GroupCommitQueue(final ToIntFunction<T> key, final ToIntFunction<T> weight, final int countMax,
            final int weightMax) {
        if (countMax < 1 || weightMax < 1) {
            throw new IllegalArgumentException("a group holds at least one item");
        }
        this.key = key;
        this.weight = weight;
        this.countMax = countMax;
        this.weightMax = weightMax;
    }

    /**
     * @param item work to store
     * @throws IllegalStateException when the queue is closed
     */
    void put(final T item) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("ingestion is shutting down");
            }
            waiting.addLast(item);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for work and takes a group of it; the caller must {@link #done} the group when it is stored or failed.
     *
     * @return the group, in the order its items were put; empty when the queue is closed and nothing is left
     * @throws InterruptedException when interrupted while waiting
     */
    List<T> take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                final List<T> group = group();
                if (!group.isEmpty() || closed && waiting.isEmpty()) {
                    if (!group.isEmpty() && !waiting.isEmpty()) {
                        changed.signal(); // more for another writer
                    }
                    return group;
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private List<T> group() {
        final List<T> group = new ArrayList<>();
        long total = 0;
        for (final Iterator<T> it = waiting.iterator(); it.hasNext() && group.size() < countMax;) {
            final T item = it.next();
            final int k = key.applyAsInt(item);
            if (inFlight.contains(k)) {
                continue; // the logger's earlier batch is being stored (here or by another writer): this one waits
            }
            final int w = weight.applyAsInt(item);
            if (!group.isEmpty() && total + w > weightMax) {
                break;
            }
            it.remove();
            group.add(item);
            inFlight.add(k);
            total += w;
        }
        return group;
    }

    /** @param group a group from {@link #take}, now stored or failed: its keys may be taken again */
    void done(final List<T> group) {
        lock.lock();
        try {
            for (final T item : group) {
                if (!inFlight.remove(key.applyAsInt(item))) {
                    throw new IllegalStateException("an item that was not taken: " + item);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more work; {@link #take} hands out what is left, then answers empty groups. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return items waiting (not yet taken) */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
