// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;

/**
 * The reverse of a live packing edge, under key {@code ("containedIn", child)}.
 *
 * @param parent the parent code
 * @param since event time of packing
 */
public record ContainedIn(String parent, Instant since) {
}
