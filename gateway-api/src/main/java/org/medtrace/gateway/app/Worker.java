// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.app;

import java.util.concurrent.TimeUnit;

/** The background threads of the gateway's long-running loops (projection, identifier registration). */
public final class Worker {

    private static final long JOIN_SECONDS = 10;

    private Worker() {
    }

    /**
     * @param name the thread's name
     * @param loop what it runs
     * @return the started daemon thread (it must not keep the JVM from exiting)
     */
    public static Thread start(final String name, final Runnable loop) {
        final Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Interrupts a worker and waits up to 10 s for it to end.
     *
     * @param thread the worker, or null
     */
    public static void stop(final Thread thread) {
        if (thread != null) {
            thread.interrupt();
            join(thread);
        }
    }

    /**
     * Waits up to 10 s for a worker that was told to end (and may be finishing its work) to end.
     *
     * @param thread the worker, or null
     */
    public static void join(final Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(JOIN_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
