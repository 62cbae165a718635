// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.registration;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Where automatic identifier registration stands, at {@code /q/health/well}: a wellness check, not readiness, because
 * registration lagging or failing must not take the gateway out of service.
 */
@Wellness
@ApplicationScoped
public class RegistrationHealth implements HealthCheck {

    private final LedgerRegistrar registrar;

    /** @param registrar the registrar */
    @Inject
    public RegistrationHealth(final LedgerRegistrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public HealthCheckResponse call() {
        final Registration.Status status = registrar.status();
        final HealthCheckResponseBuilder response = HealthCheckResponse.named("identifier-registration")
                .status(status.lastError() == null)
                .withData("eventSeq", status.eventSeq())
                .withData("handlesWritten", status.handlesWritten())
                .withData("updatedAt", String.valueOf(status.updatedAt()));
        if (status.lastError() != null) {
            response.withData("error", status.lastError());
        }
        return response.build();
    }
}
