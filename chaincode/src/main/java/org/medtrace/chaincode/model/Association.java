// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;

/**
 * A live logger-to-goods edge, under keys {@code ("association", logger, target)} and
 * {@code ("associatedLogger", target, logger)}.
 *
 * @param logger the logger
 * @param target the code it travels with
 * @param since event time of association
 * @param eventId the association event
 */
public record Association(String logger, String target, Instant since, String eventId) {
}
