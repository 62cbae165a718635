// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * A recall: once the regulator recalls the batch, its goods wherever they are can only be returned or destroyed;
 * every other use is refused with BATCH_RECALLED, and the return needs no temperature record.
 */
class RecallStoryTest {
    @Test
    void recalled_goods_can_only_be_returned_or_destroyed() {
        Story story = new Story();
        story.vaccineBatchRegistered().released();
        List<String> vials = story.commissioned("V", 6, 1);
        String box = story.commissioned("BOX", 1, 2).get(0);
        story.packed(Parties.HUAXIA, box, vials.subList(0, 2));
        story.loggerAssociated(Parties.HUAXIA, vials.subList(2, 6));
        story.shipped(Parties.HUAXIA, "DN-1", vials.subList(2, 6), Parties.MINHANG);
        story.harness().advance(Duration.ofHours(1));
        story.anchored("2026-11-23T02:00:00Z", "2026-11-23T03:00:00Z");
        story.ok(Parties.MINHANG, "custody:receive", Json.obj("shipmentId", "DN-1"));

        story.ok(Parties.MPA, "recall:create", Json.obj("recallId", "RC-2026-007", "batchIds",
                List.of(Story.VACCINE_BATCH), "level", "I", "reason", "sterility failure"));

        String cdcVial = vials.get(2);
        story.refused(Parties.MINHANG, "custody:dispense", Json.obj("codes", List.of(cdcVial)),
                ErrorCode.BATCH_RECALLED);
        story.refused(Parties.MINHANG, "custody:ship", Json.obj("shipmentId", "X", "codes", List.of(cdcVial),
                "to", "RenjiHospitalMSP"), ErrorCode.BATCH_RECALLED);
        story.refused(Parties.MINHANG, "custody:store", Json.obj("codes", List.of(cdcVial), "location",
                "88.118.5000/FRIDGE-2"), ErrorCode.BATCH_RECALLED);
        story.refused(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", box), ErrorCode.BATCH_RECALLED);
        story.refused(Parties.HUAXIA, "unit:decommission", Json.obj("codes", List.of(vials.get(1)), "reason", "x"),
                ErrorCode.UNIT_PACKED);

        // return from the CDC: no logger needed for goods that will be destroyed
        assertThat(story.ok(Parties.MINHANG, "custody:return", Json.obj("shipmentId", "RET-1", "codes",
                List.of(cdcVial, vials.get(3)), "to", "HuaxiaVaccineMSP", "reason", "recall RC-2026-007"))
                .get("shipment").get("coldChainRequired").asBoolean()).isFalse();
        story.ok(Parties.HUAXIA, "custody:receive", Json.obj("shipmentId", "RET-1"));
        assertThat(story.unit(cdcVial).get("returned").asBoolean()).isTrue();

        // destroy at the manufacturer, and at the CDC what stayed there
        story.ok(Parties.HUAXIA, "custody:destroy", Json.obj("codes", List.of(cdcVial, vials.get(3), box),
                "reason", "recall RC-2026-007", "method", "incineration under supervision"));
        story.ok(Parties.MINHANG, "custody:destroy", Json.obj("codes", vials.subList(4, 6), "reason",
                "recall RC-2026-007"));
        for (String vial : vials) {
            assertThat(story.unit(vial).get("status").asText()).as(vial).isEqualTo("destroyed");
        }
    }
}
