// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.medtrace.gateway.identifiers.node.HandleStore;
import org.medtrace.gateway.identifiers.node.StoredValues;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleRecord;

/** The node's records in memory, for the top-level node that runs outside Quarkus in the tests. */
public final class InMemoryHandleStore implements HandleStore {

    private final Map<Identifier, HandleRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<HandleRecord> find(final Identifier handle) {
        return Optional.ofNullable(records.get(handle));
    }

    @Override
    public synchronized <T> T update(final Identifier handle,
            final Function<Optional<HandleRecord>, Change<T>> decide) {
        final Change<T> change = decide.apply(find(handle));
        if (change instanceof Write<T> write) {
            records.put(handle, new HandleRecord(handle, StoredValues.inIndexOrder(write.record().values())));
        } else if (change instanceof Delete<T>) {
            records.remove(handle);
        }
        return change.result();
    }

    @Override
    public synchronized List<CreateOutcome> createAll(final List<HandleRecord> batch) {
        final List<CreateOutcome> outcomes = new ArrayList<>();
        for (final HandleRecord record : batch) {
            final HandleRecord existing = records.get(record.handle());
            outcomes.add(existing == null ? CreateOutcome.CREATED
                    : StoredValues.sameContent(existing, record) ? CreateOutcome.UNCHANGED : CreateOutcome.CONFLICT);
        }
        if (!outcomes.contains(CreateOutcome.CONFLICT)) {
            batch.forEach(r -> records.putIfAbsent(r.handle(), r));
        }
        return outcomes;
    }
}
