// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitQueueTest {

    /** A batch of {@code readings} readings of logger {@code logger}; {@code name} tells them apart. */
    private record Item(String name, int logger, int readings) {
    }

    private static GroupCommitQueue<Item> queue(final int countMax, final int weightMax) {
        return new GroupCommitQueue<>(Item::logger, Item::readings, countMax, weightMax);
    }

    private static final Item A1 = new Item("a1", 1, 10);
    private static final Item A2 = new Item("a2", 1, 10);
    private static final Item B1 = new Item("b1", 2, 10);
    private static final Item C1 = new Item("c1", 3, 10);

    @Test
    void a_group_takes_one_batch_per_logger_in_order_and_a_loggers_next_batch_waits_for_the_first() throws Exception {
        final GroupCommitQueue<Item> q = queue(10, 1000);
        List.of(A1, A2, B1, C1).forEach(q::put);
        final List<Item> first = q.take();
        assertThat(first).containsExactly(A1, B1, C1);
        assertThat(q.waiting()).isEqualTo(1);
        // a second writer must not take a2 while a1 is being stored
        final CompletableFuture<List<Item>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return q.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        q.put(new Item("b2", 2, 10)); // b1 is in flight too: nothing for the second writer yet
        assertThat(second).isNotDone();
        q.done(first);
        assertThat(second.get(10, TimeUnit.SECONDS)).extracting(Item::name).containsExactly("a2", "b2");
    }

    @Test
    void a_group_is_bounded_by_count_and_by_readings_but_always_takes_its_first_batch() throws Exception {
        final GroupCommitQueue<Item> byCount = queue(2, 1000);
        List.of(A1, B1, C1).forEach(byCount::put);
        assertThat(byCount.take()).containsExactly(A1, B1);
        assertThat(byCount.take()).containsExactly(C1);

        final GroupCommitQueue<Item> byWeight = queue(10, 25);
        final Item huge = new Item("huge", 9, 100);
        List.of(huge, A1, B1).forEach(byWeight::put);
        assertThat(byWeight.take()).containsExactly(huge);
        List.of(C1, new Item("d1", 4, 10)).forEach(byWeight::put);
        assertThat(byWeight.take()).containsExactly(A1, B1);
        assertThat(byWeight.take()).extracting(Item::name).containsExactly("c1", "d1");
        assertThatThrownBy(() -> queue(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_closed_queue_hands_out_what_is_left_then_empty_groups_and_refuses_more() throws Exception {
        final GroupCommitQueue<Item> q = queue(10, 1000);
        List.of(A1, A2).forEach(q::put);
        q.close();
        assertThatThrownBy(() -> q.put(B1)).isInstanceOf(IllegalStateException.class);
        final List<Item> first = q.take();
        assertThat(first).containsExactly(A1);
        q.done(first);
        assertThat(q.take()).containsExactly(A2);
        assertThat(q.take()).isEmpty();
        assertThatThrownBy(() -> q.done(List.of(C1))).isInstanceOf(IllegalStateException.class);
    }
}
