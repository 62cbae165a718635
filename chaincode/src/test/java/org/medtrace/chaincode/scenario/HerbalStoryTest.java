// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * The herbal story: a GAP base's 黄芪 lot (中药材, origin and harvest recorded) is commissioned in sacks, processed
 * (炮制) into a 黄芪片 (中药饮片) batch that records its source lot, bagged, shipped through a distributor to a hospital
 * pharmacy, and dispensed there, part of a bag first and the rest later. Backward trace leads from a bag to the GAP
 * base.
 */
class HerbalStoryTest {
    private static final String SLICES = "88.118.6600/S-HQP-202611";

    @Test
    void from_the_gap_base_to_the_patient() {
        Story story = new Story();
        story.herbalRegistered();
        List<String> sacks = story.sacks(2);
        story.ok(Parties.BENCAO, "transformation:transform", Json.obj("transformationId", "PZ-2026-118",
                "processingMethod", "净制、润透、切厚片、干燥", "inputs", List.of(
                        Map.of("code", sacks.get(0), "quantity", Map.of("value", 25, "uom", "KGM")),
                        Map.of("code", sacks.get(1), "quantity", Map.of("value", 10, "uom", "KGM"))),
                "outputs", List.of(Map.of("quantity", Map.of("value", 30, "uom", "KGM"), "batch", Map.of("id", SLICES,
                        "productId", Story.HERB_SLICE, "batchNumber", "HQP-202611", "productionDate", "2026-11-20",
                        "expiryDate", "2028-11-19", "herbal", Map.of("testReportRef", "TR-2026-1120"))))));
        List<String> bags = Story.codes("88.118.6600", "BAG", 4);
        story.ok(Parties.BENCAO, "unit:commission", Json.obj("batchId", SLICES, "packageLevel", 1, "codes", bags,
                "quantity", Map.of("value", 0.5, "uom", "KGM")));
        // 饮片 need no cold chain: receipt needs no temperature record
        story.shipped(Parties.BENCAO, "HB-1", bags, Parties.SHEN);
        story.ok(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "HB-1"));
        story.shipped(Parties.SHEN, "HB-2", bags.subList(0, 2), Parties.RENJI);
        story.ok(Parties.RENJI, "custody:receive", Json.obj("shipmentId", "HB-2"));

        // a prescription takes 0.2 kg from a bag, a later one the rest
        JsonNode partial = story.ok(Parties.RENJI, "custody:dispense", Json.obj("codes", List.of(bags.get(0)),
                "quantity", Map.of("value", 0.2, "uom", "KGM")));
        assertThat(partial.get("remaining").toString()).isEqualTo("{\"uom\":\"KGM\",\"value\":0.3}");
        assertThat(story.unit(bags.get(0)).get("status").asText()).isEqualTo("active");
        story.refused(Parties.RENJI, "custody:dispense", Json.obj("codes", List.of(bags.get(0)), "quantity",
                Map.of("value", 0.31, "uom", "KGM")), ErrorCode.QUANTITY_EXCEEDED);
        story.ok(Parties.RENJI, "custody:dispense", Json.obj("codes", List.of(bags.get(0)), "quantity",
                Map.of("value", 0.3, "uom", "KGM")));
        assertThat(story.unit(bags.get(0)).get("status").asText()).isEqualTo("dispensed");
        story.refused(Parties.RENJI, "custody:dispense", Json.obj("codes", List.of(bags.get(0))),
                ErrorCode.UNIT_ALREADY_DISPENSED);
        story.ok(Parties.RENJI, "custody:dispense", Json.obj("codes", List.of(bags.get(1))));
        assertThat(story.unit(bags.get(1)).get("quantity").get("value").asInt()).isZero();

        // backward trace: bag -> 饮片 batch -> source lot -> GAP base and harvest
        JsonNode bag = story.read(Parties.MPA, "unit:get", Json.obj("id", bags.get(0)));
        JsonNode batch = story.read(Parties.MPA, "batch:get", Json.obj("id", bag.get("batchId").asText()));
        assertThat(batch.get("herbal").get("processingMethod").asText()).isEqualTo("净制、润透、切厚片、干燥");
        String sourceLot = batch.get("sourceLots").get(0).get("batchId").asText();
        assertThat(batch.get("sourceLots").get(0).get("quantity").get("value").asInt()).isEqualTo(35);
        JsonNode raw = story.read(Parties.MPA, "batch:get", Json.obj("id", sourceLot));
        assertThat(raw.get("herbal").get("origin").get("gapBase").asText()).isEqualTo("陇西黄芪GAP基地");
        assertThat(raw.get("herbal").get("harvestDate").asText()).isEqualTo("2026-10-15");
        // forward: the raw sacks were drawn on
        assertThat(story.unit(sacks.get(0)).get("status").asText()).isEqualTo("consumed");
        assertThat(story.unit(sacks.get(1)).get("quantity").get("value").asInt()).isEqualTo(15);
    }
}
