// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The gateway's test environment (fresh database, fresh dev peer) with windows closed only on demand, so that the
 * tests decide when a window closes.
 */
public class TelemetryTestResource implements QuarkusTestResourceLifecycleManager {

    private final MedtraceTestResource gateway = new MedtraceTestResource();

    @Override
    public Map<String, String> start() {
        final Map<String, String> properties = new HashMap<>(gateway.start());
        properties.put("medtrace.telemetry.close-interval-seconds", "0");
        // no trust cached: a revocation shows at once
        properties.put("medtrace.telemetry.ingest.credential-cache-seconds", "0");
        return properties;
    }

    @Override
    public void stop() {
        gateway.stop();
    }
}
