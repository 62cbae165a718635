// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.registration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.gateway.app.Worker;
import org.medtrace.gateway.identifiers.IdentifiersConfig;
import org.medtrace.gateway.identifiers.node.NodeSettings;
import org.medtrace.gateway.projection.TransactionProjected;
import org.medtrace.identifiers.handle.Ttl;

/**
 * Registers in the node the identifiers the ledger registers and commissions (products, batches, units,
 * containers), following the read model: one background thread walks the projected events after its own cursor and
 * writes the records they imply, many per statement. The projection only signals it ({@link TransactionProjected},
 * delivered asynchronously), so registration never delays or fails the projection; a failure here is logged and
 * retried. The records are a function of the read model, so registering again changes nothing, and after a read
 * model rebuild (or with the cursor reset) the walk starts over and rewrites only what differs.
 */
@ApplicationScoped
public class LedgerRegistrar {

    private static final Logger LOG = Logger.getLogger(LedgerRegistrar.class.getName());

    private final Registration registration;
    private final IdentifiersConfig.Registration keys;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private volatile String lastError;
    private Thread worker;

    /**
     * @param dataSource the gateway's database
     * @param config the identifier keys
     * @param node the node's settings
     */
    @Inject
    public LedgerRegistrar(final AgroalDataSource dataSource, final IdentifiersConfig config,
            final NodeSettings node) {
        this.keys = config.registration();
        this.registration = new Registration(dataSource,
                new ReadModelRecords(node, Ttl.seconds(keys.recordTtlS())));
    }

    void onStart(@Observes final StartupEvent event) {
        if (keys.enabled()) {
            start();
        }
    }

    void onStop(@Observes final ShutdownEvent event) {
        stop();
    }

    /** Wakes the registrar: the projection has committed a transaction. Never blocks. */
    void onProjected(@ObservesAsync final TransactionProjected projected) {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** @return how far registration stands */
    public Registration.Status status() {
        return registration.status(lastError);
    }

    private synchronized void start() {
        running = true;
        worker = Worker.start("medtrace-identifier-registration", this::run);
    }

    private synchronized void stop() {
        running = false;
        Worker.stop(worker);
        worker = null;
    }

    private void run() {
        while (running) {
            try {
                if (!registration.registerNext()) {
                    awaitSignal(keys.pollIntervalMs());
                }
                lastError = null;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                final String error = String.valueOf(e.getMessage());
                if (!error.equals(lastError)) {
                    LOG.log(Level.WARNING, "identifier registration failed, retrying: " + error, e);
                }
                lastError = error;
                try {
                    Thread.sleep(keys.retryDelayMs());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void awaitSignal(final long timeoutMs) throws InterruptedException {
        synchronized (signal) {
            if (!signalled) {
                signal.wait(timeoutMs);
            }
            signalled = false;
        }
    }
}
