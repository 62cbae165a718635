// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.time.Duration;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleResponse;

/**
 * How to ask one kind of node for a handle. {@link HandleRestProtocol} speaks the Handle.Net REST API; an adapter for
 * the SNMS-style HTTP API of IDIS enterprise nodes would implement this too, translating its answers into
 * {@link HandleResponse}s, and claim its endpoints in {@link #supports(NodeEndpoint)} (for example by a site
 * attribute or a URL path).
 *
 * <p>Implementations make one request per call, without retries or caching (the resolver does both), and must be
 * thread-safe.
 */
public interface NodeProtocol {
    /**
     * @param endpoint an endpoint taken from an HS_SITE / HS_SERV value or configuration
     * @return true if this protocol can talk to it
     */
    boolean supports(NodeEndpoint endpoint);

    /**
     * Asks a node for a whole handle record.
     *
     * @param endpoint where to ask; {@link #supports(NodeEndpoint)} was true for it
     * @param handle the handle
     * @param timeout the longest this request may take
     * @return the node's answer, whatever its response code
     * @throws NodeCallException if no valid answer came
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    HandleResponse query(NodeEndpoint endpoint, Identifier handle, Duration timeout)
            throws NodeCallException, InterruptedException;
}
