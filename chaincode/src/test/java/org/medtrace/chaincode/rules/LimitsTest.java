// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/** A tree walk visits at most 10,000 nodes a transaction. */
class LimitsTest {
    @Test
    void shipping_a_pallet_of_10000_vials_exceeds_the_tree_walk_limit_and_9999_do_not() {
        Story story = new Story();
        story.vaccineBatchRegistered().released();
        List<String> vials = story.commissioned("V", 10_000, 1);
        story.ok(Parties.HUAXIA, "unit:commissionContainers", Json.obj("containerType", "pallet",
                "codes", List.of("88.118.8866/PAL-A", "88.118.8866/PAL-B")));
        story.packed(Parties.HUAXIA, "88.118.8866/PAL-A", vials);
        assertThat(story.refused(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S1", "codes",
                List.of("88.118.8866/PAL-A"), "to", "ShenDistMSP"), ErrorCode.LIMIT_EXCEEDED)).contains("10000");
        story.ok(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", "88.118.8866/PAL-A",
                "children", vials.subList(9_999, 10_000)));
        assertThat(story.ok(Parties.HUAXIA, "custody:ship", Json.obj("shipmentId", "S1", "codes",
                List.of("88.118.8866/PAL-A"), "to", "ShenDistMSP")).get("shipment").get("codes")).hasSize(1);
        assertThat(story.unit(vials.get(9_998)).get("status").asText()).isEqualTo("in_transit");
    }
}
