// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.chaincode;

import java.util.HashMap;
import java.util.Map;

/** The open query cursors of one transaction, by the id the shim uses in QUERY_STATE_NEXT and QUERY_STATE_CLOSE. */
final class QueryRegistry {
    private final Map<String, Object> open = new HashMap<>();
    private int nextId;

    synchronized String add(final Object cursor) {
        final String id = Integer.toString(++nextId);
        open.put(id, cursor);
        return id;
    }

    synchronized Object get(final String id) {
        return open.get(id);
    }

    synchronized void remove(final String id) {
        open.remove(id);
    }
}
