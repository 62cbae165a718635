// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * The vaccine story: the MAH registers a hepatitis B vaccine and a batch, records its lot release, commissions
 * vials, boxes and a case, packs them, attaches a cold-chain logger and ships the case to a distributor, who receives
 * it once the trip's temperature record is anchored, breaks the case (拆零) and ships boxes on to the district CDC,
 * which receives them and vaccinates. The ledger's history tells the whole chain of custody of every vial.
 */
class VaccineStoryTest {
    private static final byte[] SALT = "per-site-salt-0001".getBytes(StandardCharsets.UTF_8);

    @Test
    void from_the_production_line_to_the_vaccinee() {
        Story story = new Story();
        story.vaccineBatchRegistered();
        List<String> vials = story.commissioned("V", 20, 1);
        List<String> boxes = story.commissioned("BOX", 2, 2);
        String caseCode = story.commissioned("CASE", 1, 3).get(0);
        story.packed(Parties.HUAXIA, boxes.get(0), vials.subList(0, 10));
        story.packed(Parties.HUAXIA, boxes.get(1), vials.subList(10, 20));
        story.packed(Parties.HUAXIA, caseCode, boxes);

        // not released yet: the batch cannot leave the manufacturer
        story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "DN-1", "codes", List.of(caseCode),
                "to", "ShenDistMSP"), ErrorCode.BATCH_NOT_RELEASED);
        // 批签发 is the lot-release authority's to issue, not the MAH's
        story.refused(Parties.HUAXIA, "batch:recordLotRelease", Json.obj("batchId", Story.VACCINE_BATCH,
                "certificateNumber", "SP2026110001", "releaseDate", "2026-11-20"), ErrorCode.ACCESS_DENIED);
        story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "DN-1", "codes", List.of(caseCode),
                "to", "ShenDistMSP"), ErrorCode.BATCH_NOT_RELEASED);
        story.released();

        story.loggerAssociated(Parties.HUAXIA, List.of(caseCode));
        story.ok(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "DN-1", "codes", List.of(caseCode),
                "to", "ShenDistMSP", "bizTransactions", List.of(Map.of("type", "desadv", "id", "DESADV-1"))));
        story.harness().advance(Duration.ofHours(4));
        story.refused(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "DN-1"),
                ErrorCode.TEMPERATURE_RECORD_MISSING);
        story.anchored("2026-11-23T02:00:00Z", "2026-11-23T06:00:00Z");
        story.ok(Parties.SHEN, "custody:receive", Json.obj("shipmentId", "DN-1", "bizLocation",
                "88.118.9000/WH-PD"));
        assertThat(story.unit(vials.get(19)).get("custodian").asText()).isEqualTo("ShenDistMSP");

        // 拆零: the distributor breaks the case and ships one box to the CDC with its own logger
        story.ok(Parties.SHEN, "aggregation:unpack", Json.obj("parent", caseCode));
        story.ok(Parties.COLDLINK, "telemetry:registerLogger", Json.obj("loggerId", "88.118.7700/LOGGER-0002"));
        story.ok(Parties.SHEN, "telemetry:associate", Json.obj("loggerId", "88.118.7700/LOGGER-0002",
                "targets", List.of(boxes.get(0))));
        story.shipped(Parties.SHEN, "DN-2", List.of(boxes.get(0)), Parties.MINHANG);
        story.harness().advance(Duration.ofHours(2));
        story.ok(Parties.COLDLINK_LOGGER, "telemetry:anchor", Json.with(Story.anchorRequest(
                "2026-11-23T06:00:00Z", "2026-11-23T08:00:00Z"), "loggerId", "88.118.7700/LOGGER-0002"));
        story.ok(Parties.MINHANG, "custody:receive", Json.obj("shipmentId", "DN-2"));

        // vaccination: the vial leaves its box, the vaccinee is only a salted hash
        story.submit(Parties.MINHANG, "custody:administer", Json.obj("codes", List.of(vials.get(3))),
                Map.of("vaccineeId", "310101201901010011".getBytes(StandardCharsets.UTF_8), "vaccineeSalt", SALT));
        JsonNode vial = story.read(Parties.MPA, "unit:get", Json.obj("id", vials.get(3)));
        assertThat(vial.get("status").asText()).isEqualTo("dispensed");
        assertThat(vial.get("dispense").get("kind").asText()).isEqualTo("vaccination");
        assertThat(vial.has("parent")).isFalse();
        assertThat(story.read(Parties.MPA, "unit:children", Json.obj("parent", boxes.get(0))).get("children"))
                .hasSize(9);

        // the same vial scanned again anywhere is refused: the 回流药 signal
        story.refused(ErrorCode.UNIT_ALREADY_DISPENSED, () -> story.submit(Parties.MINHANG, "custody:administer",
                Json.obj("codes", List.of(vials.get(3))), Map.of("vaccineeId",
                        "310101201901010022".getBytes(StandardCharsets.UTF_8), "vaccineeSalt", SALT)));

        // the chain of custody of the vial, from the ledger
        JsonNode history = story.read(Parties.MPA, "ledger:history", Json.obj("type", "unit", "id", vials.get(3)))
                .get("history");
        List<String> custody = new java.util.ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            JsonNode value = history.get(i).get("value");
            custody.add(value.get("status").asText() + "@" + value.get("custodian").asText());
        }
        // commissioned, packed into its box, shipped, received, shipped, received, administered
        assertThat(custody).containsExactly("active@HuaxiaVaccineMSP", "active@HuaxiaVaccineMSP",
                "in_transit@HuaxiaVaccineMSP",
                "active@ShenDistMSP", "in_transit@ShenDistMSP", "active@MinhangCdcMSP", "dispensed@MinhangCdcMSP");
        // the other box is still with the distributor
        assertThat(story.unit(vials.get(15)).get("custodian").asText()).isEqualTo("ShenDistMSP");
    }
}
