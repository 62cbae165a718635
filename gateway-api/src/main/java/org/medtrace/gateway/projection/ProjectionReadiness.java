// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the projection follows the ledger and has caught up with it: its event stream is open, no event fails
 * to project, and it has projected everything the ledger held when the stream (re)connected, so that a code whose
 * write was acknowledged (even with {@code projected: false}, during a database outage) is in the read model. The
 * data says which of these holds: {@code connected}, {@code error}, {@code caughtUp} with {@code ledgerHeight} and
 * {@code catchUpTargetBlock}.
 */
@Readiness
@ApplicationScoped
public class ProjectionReadiness implements HealthCheck {

    @Inject
    ProjectionService projection;

    @Override
    public HealthCheckResponse call() {
        final ProjectionStatus status = projection.status();
        final HealthCheckResponseBuilder response = HealthCheckResponse.named("read-model projection")
                .withData("blockNumber", status.blockNumber()).withData("eventsProjected", status.eventsProjected())
                .withData("connected", status.connected()).withData("rebuilding", status.rebuilding());
        projection.lastError().ifPresent(error -> response.withData("error", error));
        final Optional<ProjectionService.CatchUp> catchUp = projection.catchUp();
        final boolean caughtUp = catchUp.map(ProjectionService.CatchUp::reached).orElse(false);
        response.withData("caughtUp", caughtUp);
        catchUp.ifPresent(c -> {
            response.withData("ledgerHeight", c.ledgerHeight());
            if (c.target() != null) {
                response.withData("catchUpTargetBlock", c.target().blockNumber());
            }
        });
        return response.status(status.connected() && projection.lastError().isEmpty() && caughtUp).build();
    }
}
