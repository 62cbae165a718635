// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The events one transaction writes, in order. */
public final class EventLog {
    private final EventDraft.Context context;
    private final List<EpcisEvent> events = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    /** @param context when, where and who, shared by every event of the transaction */
    public EventLog(final EventDraft.Context context) {
        this.context = context;
    }

    /** @return a new draft of an event of this transaction */
    public EventDraft draft(final String type, final String action, final String bizStep, final String disposition) {
        return new EventDraft(this, context, type, action, bizStep, disposition);
    }

    String add(final EpcisEvent event) {
        String id = EventIds.of(event);
        if (!seen.add(id)) {
            throw new IllegalStateException("two events of one transaction have the same content: " + id);
        }
        events.add(event);
        ids.add(id);
        return id;
    }

    /** @return the ids of the events, in order */
    public List<String> ids() {
        return List.copyOf(ids);
    }

    /**
     * @param recordTime the transaction timestamp
     * @param txId the transaction id
     * @return the events with their ids, record time and transaction id, in order
     */
    public List<EpcisEvent> complete(final Instant recordTime, final String txId) {
        List<EpcisEvent> done = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            done.add(events.get(i).identified(ids.get(i), recordTime, txId));
        }
        return done;
    }
}
