// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/** Every state change is an EPCIS-shaped event on the ledger and in the transaction's one chaincode event. */
class EventsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void every_submit_emits_one_chaincode_event_whose_events_are_the_ledger_events() {
        Story story = new Story();
        story.vaccineBatchRegistered().released();
        List<String> vials = story.commissioned("V", 2, 1);
        String box = story.commissioned("BOX", 1, 2).get(0);
        story.packed(Parties.HUAXIA, box, vials);
        List<ChaincodeEvent> events = story.harness().ledger().events();
        assertThat(events).hasSize(story.harness().ledger().height() > 0 ? (int) story.harness().ledger().height()
                : 0);
        for (ChaincodeEvent event : events) {
            assertThat(event.getEventName()).isEqualTo("medtrace.events");
            JsonNode payload = Json.parse(event.getPayload().toByteArray());
            assertThat(payload.get("txId").asText()).isEqualTo(event.getTxId());
            for (JsonNode ledgerEvent : payload.get("events")) {
                assertThat(story.state("event", ledgerEvent.get("eventID").asText())).isEqualTo(ledgerEvent);
                assertThat(ledgerEvent.get("medtrace").get("txId").asText()).isEqualTo(event.getTxId());
            }
        }
        JsonNode packing = Json.parse(events.get(events.size() - 1).getPayload().toByteArray()).get("events").get(0);
        assertThat(packing.get("type").asText()).isEqualTo("AggregationEvent");
        assertThat(packing.get("action").asText()).isEqualTo("ADD");
        assertThat(packing.get("bizStep").asText()).isEqualTo("packing");
        assertThat(packing.get("parentID").asText()).isEqualTo(box);
        assertThat(Story.ids(packing.get("childEPCs"))).isEqualTo(vials);
        assertThat(packing.get("eventTimeZoneOffset").asText()).isEqualTo("+08:00");
        assertThat(packing.get("medtrace").get("actorRole").asText()).isEqualTo("manufacturer");
    }

    @Test
    void the_event_id_is_the_hash_of_the_canonical_event_without_id_record_time_and_tx_id() throws Exception {
        Story story = new Story();
        story.vaccineBatchRegistered();
        String eventId = story.ok(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                "packageLevel", 1, "codes", List.of("88.118.8866/V1"), "eventTime", "2026-11-23T09:00:00+08:00",
                "readPoint", "88.118.8866/LINE-3")).get("eventIds").get(0).asText();
        ObjectNode event = (ObjectNode) story.state("event", eventId);
        event.remove("eventID");
        event.remove("recordTime");
        ((ObjectNode) event.get("medtrace")).remove("txId");
        byte[] canonical = MAPPER.writeValueAsBytes(sorted(event));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        assertThat(eventId).isEqualTo("ni:///sha-256;" + hash + "?ver=CBV2.0");
        assertThat(event.get("eventTime").asText()).isEqualTo("2026-11-23T01:00:00.000Z");
        assertThat(event.get("readPoint").toString()).isEqualTo("{\"id\":\"88.118.8866/LINE-3\"}");
    }

    @Test
    void two_endorsers_running_the_same_transactions_write_the_same_bytes() {
        Map<String, byte[]> first = runStory();
        Map<String, byte[]> second = runStory();
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((key, value) -> assertThat(new String(second.get(key), StandardCharsets.UTF_8))
                .isEqualTo(new String(value, StandardCharsets.UTF_8)));
    }

    private static Map<String, byte[]> runStory() {
        Story story = new Story();
        story.vaccineBatchRegistered().released();
        List<String> vials = story.commissioned("V", 3, 1);
        story.shipped(Parties.HUAXIA, "S1", vials, Parties.SHEN);
        return story.harness().ledger().snapshot();
    }

    private static JsonNode sorted(final JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                fields.put(entry.getKey(), sorted(entry.getValue()));
            }
            ObjectNode copy = MAPPER.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return MAPPER.createArrayNode().addAll(items);
        }
        return node;
    }
}
