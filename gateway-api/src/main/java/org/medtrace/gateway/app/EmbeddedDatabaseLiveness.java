// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the embedded PostgreSQL died and could not be restarted within
 * {@link EmbeddedDatabase#RESTART_GIVE_UP}: then only a restart of the whole process can help, and a supervisor
 * (systemd, Kubernetes) that watches {@code /q/health/live} does it. With an external PostgreSQL there is nothing to
 * restart here: the pool reconnects when the server is back, and readiness reports the outage meanwhile.
 */
@Liveness
@ApplicationScoped
public class EmbeddedDatabaseLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        final HealthCheckResponseBuilder response = HealthCheckResponse.named("embedded database");
        boolean alive = true;
        for (final EmbeddedDatabase database : EmbeddedDatabase.started()) {
            final EmbeddedDatabase.Status status = database.status();
            alive &= status.alive(Instant.now());
            response.withData("state", status.state().name()).withData("port", status.port())
                    .withData("postmasterPid", status.postmasterPid()).withData("restarts", status.restarts());
            if (status.lastRestartMs() != null) {
                response.withData("lastRestartMs", status.lastRestartMs());
            }
            if (status.downSince() != null) {
                response.withData("downSince", status.downSince().toString());
            }
            if (status.lastError() != null) {
                response.withData("error", status.lastError());
            }
        }
        if (EmbeddedDatabase.started().isEmpty()) {
            response.withData("state", "external");
        }
        return response.status(alive).build();
    }
}
