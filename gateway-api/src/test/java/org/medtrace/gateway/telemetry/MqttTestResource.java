// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;

/** The telemetry test environment plus a real MQTT broker (Moquette, in memory, on an ephemeral port). */
public class MqttTestResource implements QuarkusTestResourceLifecycleManager {

    /** System property carrying the broker's port to the test. */
    static final String PORT = "telemetry.test.mqtt-port";

    private final TelemetryTestResource telemetry = new TelemetryTestResource();
    private final Server broker = new Server();

    @Override
    public Map<String, String> start() {
        final Properties config = new Properties();
        config.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        config.setProperty(IConfig.PORT_PROPERTY_NAME, "0");
        config.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        config.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        config.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        try {
            broker.startServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final String port = Integer.toString(boundPort());
        System.setProperty(PORT, port);
        final Map<String, String> properties = new HashMap<>(telemetry.start());
        for (final String channel : new String[] {"incoming.telemetry-readings", "outgoing.telemetry-acks"}) {
            properties.put("mp.messaging." + channel + ".enabled", "true");
            properties.put("mp.messaging." + channel + ".host", "127.0.0.1");
            properties.put("mp.messaging." + channel + ".port", port);
        }
        return properties;
    }

    /**
     * Moquette records the port it bound in a listener that runs on its event loop after startServer returns, so
     * the port reads 0 for a moment.
     */
    private int boundPort() {
        return Awaitility.await("the MQTT broker's bound port").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5)).until(broker::getPort, port -> port != 0);
    }

    @Override
    public void stop() {
        broker.stopServer();
        telemetry.stop();
    }
}
