// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;

/**
 * A ledger parameter, under key {@code ("parameter", name)}: a rule's setting that every endorser must apply alike,
 * so it lives in the world state rather than in a peer's environment. Absent means the documented default.
 *
 * @param name the parameter, e.g. {@code eventTimeSkewSeconds}
 * @param value its value
 * @param reason why it was set
 * @param setBy MSP id of the regulator that set it
 * @param setAt transaction timestamp of the change
 * @param lastEventId the event of the change
 */
public record Parameter(String name, Long value, String reason, String setBy, Instant setAt, String lastEventId) {
}
