// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends a server stream's messages from a worker thread with gRPC flow control: it waits while the client is not
 * ready rather than buffering without bound, and notices cancellation. Create it on the RPC's own thread.
 */
final class StreamSender<T> {
    private final ServerCallStreamObserver<T> observer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private volatile boolean cancelled;

    StreamSender(final ServerCallStreamObserver<T> observer) {
        this.observer = observer;
        observer.setOnReadyHandler(this::wake);
        observer.setOnCancelHandler(() -> {
            cancelled = true;
            wake();
        });
    }

    /**
     * Sends one message once the client can take it.
     *
     * @return false if the call was cancelled
     */
    boolean send(final T message) throws InterruptedException {
        lock.lock();
        try {
            while (!cancelled && !observer.isReady()) {
                ready.await(1, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            lock.unlock();
        }
        if (cancelled) {
            return false;
        }
        synchronized (observer) {
            observer.onNext(message);
        }
        return true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void complete() {
        if (!cancelled) {
            synchronized (observer) {
                observer.onCompleted();
            }
        }
    }

    void fail(final Throwable error) {
        if (!cancelled) {
            synchronized (observer) {
                observer.onError(error);
            }
        }
    }

    private void wake() {
        lock.lock();
        try {
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
