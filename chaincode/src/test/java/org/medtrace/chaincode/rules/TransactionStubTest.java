// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

/**
 * The in-memory stub behaves like a peer's simulator where the chaincode depends on it: a refused transaction
 * commits nothing, reads do not see the transaction's own writes (the chaincode's state cache must), and history is
 * newest first.
 */
class TransactionStubTest {
    @Test
    void a_refused_transaction_leaves_its_write_set_uncommitted() {
        Story story = new Story();
        story.vaccineBatchRegistered().released();
        story.commissioned("V", 1, 1);
        var outcome = story.submit(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                "packageLevel", 1, "codes", List.of("88.118.8866/NEW1", "88.118.8866/V0001")));
        assertThat(outcome.ok()).isFalse();
        assertThat(story.unit("88.118.8866/NEW1")).isNull();
    }

    @Test
    void a_transaction_that_reads_what_it_wrote_sees_its_own_write_through_the_state_cache() {
        Story story = new Story();
        story.vaccineBatchRegistered().released();
        List<String> vials = story.commissioned("V", 1, 1);
        String box = story.commissioned("BOX", 1, 2).get(0);
        story.packed(Parties.HUAXIA, box, vials);
        story.ok(Parties.HUAXIA, "custody:hold", Json.obj("holdId", "H", "codes", List.of(box), "reason", "x"));
        // release reads each unit again after the hold wrote it in an earlier transaction; both holds stack
        story.ok(Parties.HUAXIA, "custody:hold", Json.obj("holdId", "H2", "codes", List.of(box), "reason", "y"));
        assertThat(story.unit(vials.get(0)).get("holds")).hasSize(2);
        story.ok(Parties.HUAXIA, "custody:release", Json.obj("holdId", "H"));
        assertThat(story.unit(vials.get(0)).get("holds")).hasSize(1);
        assertThat(story.unit(vials.get(0)).get("holds").get(0).get("holdId").asText()).isEqualTo("H2");
    }

    @Test
    void history_is_newest_first() {
        Story story = new Story();
        story.vaccineBatchRegistered().released();
        var history = story.read(Parties.MPA, "ledger:history", Json.obj("type", "batch", "id",
                Story.VACCINE_BATCH)).get("history");
        assertThat(history.get(0).get("value").has("lotRelease")).isTrue();
        assertThat(history.get(1).get("value").has("lotRelease")).isFalse();
    }
}
