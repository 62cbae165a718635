// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.gateway.testing.Api.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Readings over MQTT through a real broker: stored, acknowledged after storage, duplicates ignored, credentials. */
@QuarkusTest
@WithTestResource(MqttTestResource.class)
class MqttIngestionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Vertx vertx;

    @Test
    void a_logger_publishes_readings_and_sees_them_acknowledged_once_stored() throws Exception {
        final Loggers.Goods goods = Loggers.vaccinesInACaseWithALogger();
        final String credentialId = goods.token().substring(0, goods.token().indexOf('.'));
        final BlockingQueue<JsonNode> acks = new LinkedBlockingQueue<>();
        final MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("logger-test")
                .setCleanSession(true));
        client.publishHandler(m -> {
            try {
                acks.add(JSON.readTree(m.payload().getBytes()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        await(client.connect(Integer.getInteger(MqttTestResource.PORT), "127.0.0.1"));
        await(client.subscribe("medtrace/telemetry/acks/+", MqttQoS.AT_LEAST_ONCE.value()));

        final Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        final String readings = "[" + String.join(",", Loggers.line(goods.logger(), 1, start, 4.5),
                Loggers.line(goods.logger(), 2, start.plusSeconds(300), 4.7),
                Loggers.line(goods.logger(), 3, start.plusSeconds(600), 4.9)) + "]";
        final String envelope = "{\"credential\":\"" + goods.token() + "\",\"readings\":" + readings + "}";
        publish(client, envelope);
        final JsonNode first = acks.poll(60, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.path("stored").asInt()).isEqualTo(3);
        assertThat(get("coldlink", "/api/v1/telemetry/readings", Map.of("loggerId", goods.logger())).statusCode(200)
                .extract().jsonPath().getList("readings.seq", Integer.class)).containsExactly(1, 2, 3);

        publish(client, envelope);
        final JsonNode again = acks.poll(60, TimeUnit.SECONDS);
        assertThat(again.path("stored").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(3);

        publish(client, "{\"credential\":\"" + credentialId + ".wrong\",\"readings\":" + readings + "}");
        final JsonNode refused = acks.poll(60, TimeUnit.SECONDS);
        assertThat(refused.path("status").asInt()).isEqualTo(401);
        assertThat(refused.path("code").asText()).isEqualTo("UNAUTHENTICATED");

        publish(client, "{\"credential\":\"" + goods.token() + "\",\"readings\":[{\"seq\":4}]}");
        final JsonNode malformed = acks.poll(60, TimeUnit.SECONDS);
        assertThat(malformed.path("code").asText()).isEqualTo("INVALID_BATCH");
        assertThat(List.of(first, again).stream().map(j -> j.path("loggerId").asText()))
                .containsOnly(goods.logger());
        await(client.disconnect());
    }

    private static void publish(final MqttClient client, final String payload) throws Exception {
        await(client.publish("medtrace/telemetry/readings", Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false,
                false));
    }

    private static <T> T await(final io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
