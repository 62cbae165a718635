// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the projection follows the ledger: its event stream is open and no event fails to project. */
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
        return response.status(status.connected() && projection.lastError().isEmpty()).build();
    }
}
