// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The idempotency record of one client event id, under key {@code ("clientEvent", msp, clientEventId)}.
 *
 * @param transaction the transaction name
 * @param requestHash hex SHA-256 of the canonical request
 * @param response the response that was returned
 */
public record ClientEvent(String transaction, String requestHash, JsonNode response) {
}
