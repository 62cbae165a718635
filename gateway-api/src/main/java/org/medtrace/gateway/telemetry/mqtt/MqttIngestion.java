// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.mqtt.SendingMqttMessageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.telemetry.IngestResult;
import org.medtrace.gateway.telemetry.IngestionService;

/**
 * Readings over MQTT (off by default; docs/telemetry.md): a logger publishes a JSON envelope
 * {@code {"credential": "<credential id>.<secret>", "readings": [...]}} to the readings topic. The same ingestion as
 * HTTP stores it; only then the gateway publishes the outcome (the HTTP answer's fields, or the problem) to
 * {@code <acks prefix>/<credential id>}: a logger keeps its readings until it sees that acknowledgement and sends
 * them again otherwise (duplicates are ignored). MQTT's own PUBACK says only that the gateway received the message.
 * Messages are taken one at a time; when the ingestion is saturated the consumer waits, and the broker holds the
 * rest.
 */
@ApplicationScoped
public class MqttIngestion {

    /** The incoming channel ({@code mp.messaging.incoming.telemetry-readings.*}). */
    public static final String READINGS = "telemetry-readings";
    /** The outgoing channel of acknowledgements ({@code mp.messaging.outgoing.telemetry-acks.*}). */
    public static final String ACKS = "telemetry-acks";

    private static final Logger LOG = Logger.getLogger(MqttIngestion.class.getName());
    private static final long ADMISSION_WAIT_MS = 60_000;

    @Inject
    IngestionService ingestion;
    @Inject
    ObjectMapper mapper;
    @Inject
    @Channel(ACKS)
    Emitter<byte[]> acks;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "medtrace.telemetry.mqtt.ack-topic-prefix",
            defaultValue = "medtrace/telemetry/acks")
    String ackTopicPrefix;

    /**
     * @param message one envelope
     * @return completed once stored and acknowledged (or refused and answered)
     */
    @Incoming(READINGS)
    @Blocking
    public java.util.concurrent.CompletionStage<Void> consume(final Message<byte[]> message) {
        final JsonNode envelope;
        try {
            envelope = mapper.readTree(message.getPayload());
        } catch (java.io.IOException e) {
            LOG.fine(() -> "MQTT message that is not JSON dropped: " + e.getMessage());
            return message.ack();
        }
        final String credential = envelope.path("credential").asText("");
        final int dot = credential.indexOf('.');
        final String credentialId = dot > 0 ? credential.substring(0, dot) : "unknown";
        final ObjectNode answer = store(credential, envelope.path("readings"));
        acks.send(Message.of(bytes(answer), Metadata.of(new SendingMqttMessageMetadata(
                ackTopicPrefix + "/" + credentialId, MqttQoS.AT_LEAST_ONCE, false))));
        return message.ack();
    }

    private ObjectNode store(final String credential, final JsonNode readings) {
        final Optional<IngestionService.Ticket> ticket = admit();
        if (ticket.isEmpty()) {
            return problem(503, "OVERLOADED", "the gateway could not store the batch in time; send it again");
        }
        try {
            final IngestResult result = ticket.get().run(credential, bytes(readings), false)
                    .get(ADMISSION_WAIT_MS, TimeUnit.MILLISECONDS);
            return mapper.valueToTree(result);
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof ApiException api) {
                return problem(api.status(), api.code(), api.getMessage());
            }
            if (cause != null && cause.getClass().getSimpleName().equals("MalformedBatchException")) {
                return problem(400, "INVALID_BATCH", cause.getMessage() + "; nothing of the batch was stored");
            }
            LOG.log(Level.WARNING, "MQTT batch not stored", cause);
            return problem(503, "NOT_STORED", "the batch could not be stored; send it again");
        } catch (java.util.concurrent.TimeoutException e) {
            return problem(503, "NOT_STORED", "the batch was not stored in time; send it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(503, "NOT_STORED", "interrupted; send it again");
        }
    }

    /** Waits for a ticket: MQTT has no 503, the broker keeps what the gateway has not taken yet. */
    private Optional<IngestionService.Ticket> admit() {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ADMISSION_WAIT_MS);
        while (System.nanoTime() < deadline) {
            final Optional<IngestionService.Ticket> ticket = ingestion.admit();
            if (ticket.isPresent()) {
                return ticket;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private ObjectNode problem(final int status, final String code, final String detail) {
        return mapper.createObjectNode().put("status", status).put("code", code).put("detail", detail);
    }

    private byte[] bytes(final JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
