// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.TestDatabase;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleValue;

/** The node's PostgreSQL store: all-or-nothing batches and one winner when writers race for a handle. */
class PostgresHandleStoreTest {

    private static DataSource database;
    private static PostgresHandleStore store;

    @BeforeAll
    static void database() {
        database = TestDatabase.freshDatabase("handles");
        store = new PostgresHandleStore(database);
    }

    private static HandleRecord record(final String handle, final String url) {
        return new HandleRecord(Identifier.parse(handle), List.of(HandleValue.text(1, "URL", url)));
    }

    private static HandleRecord restamped(final HandleRecord record) {
        return new HandleRecord(record.handle(), record.values().stream()
                .map(v -> v.withTimestamp(Instant.parse("2030-01-01T00:00:00Z"))).toList());
    }

    @Test
    void a_batch_is_created_whole_or_not_at_all_and_identical_records_count_as_done() {
        final HandleRecord a = record("88.118.8866/A", "https://a.example/");
        final HandleRecord b = record("88.118.8866/B", "https://b.example/");
        assertThat(store.createAll(List.of(a, b))).containsExactly(HandleStore.CreateOutcome.CREATED,
                HandleStore.CreateOutcome.CREATED);

        final HandleRecord c = record("88.118.8866/C", "https://c.example/");
        assertThat(store.createAll(List.of(restamped(b), c))).containsExactly(
                HandleStore.CreateOutcome.UNCHANGED, HandleStore.CreateOutcome.CREATED);

        final HandleRecord d = record("88.118.8866/D", "https://d.example/");
        assertThat(store.createAll(List.of(d, record("88.118.8866/A", "https://other.example/")))).containsExactly(
                HandleStore.CreateOutcome.CREATED, HandleStore.CreateOutcome.CONFLICT);
        assertThat(store.find(d.handle())).isEmpty();
        assertThat(store.find(a.handle())).contains(a);
        assertThat(store.find(Identifier.parse("88.118.8866/a"))).as("suffixes are case-sensitive").isEmpty();
    }

    @Test
    void writers_racing_to_create_one_handle_see_exactly_one_creation() throws Exception {
        final Identifier handle = Identifier.parse("88.118.8866/RACE");
        final int writers = 8;
        final CountDownLatch start = new CountDownLatch(1);
        final ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            final List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                final HandleRecord mine = record(handle.toString(), "https://writer-" + i + ".example/");
                created.add(pool.submit(() -> {
                    start.await();
                    return store.update(handle, current -> current.isPresent() ? HandleStore.Change.keep(false)
                            : HandleStore.Change.write(mine, true));
                }));
            }
            start.countDown();
            int winners = 0;
            for (final Future<Boolean> result : created) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.find(handle)).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }
}
