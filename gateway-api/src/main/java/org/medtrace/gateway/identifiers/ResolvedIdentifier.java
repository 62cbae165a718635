// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.medtrace.identifiers.handle.HandleValue;

/**
 * What the identifier system says about an identifier the gateway's read model does not know.
 *
 * @param handle the identifier
 * @param status where it stands
 * @param node the root URL of the node that answered, where one did
 * @param url the record's first URL value (index 1 by convention), if any
 * @param values the record's public values, when it exists
 * @param fromCache true if the answer came from the resolver's cache
 * @param fetchedAt when the answering node gave it
 * @param message a sentence saying the same, for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResolvedIdentifier(String handle, Status status, String node, String url, List<HandleValue> values,
        Boolean fromCache, Instant fetchedAt, String message) {

    /** Where an identifier stands. */
    public enum Status {
        /** Registered in this gateway's own node, but not on the ledger its read model follows. */
        REGISTERED_HERE,
        /** Registered at another node, found through the top-level node. */
        HELD_BY_ANOTHER_NODE,
        /** The node responsible for its prefix, or the top-level node, says it does not exist. */
        NOT_REGISTERED,
        /** The nodes could not be asked (unreachable, too slow, or a malformed answer). */
        UNRESOLVABLE
    }

    /** Checks the parts. */
    public ResolvedIdentifier {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        values = values == null ? null : List.copyOf(values);
    }

    /** @return true if the identifier exists somewhere */
    public boolean exists() {
        return status == Status.REGISTERED_HERE || status == Status.HELD_BY_ANOTHER_NODE;
    }
}
