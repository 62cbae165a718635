// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;

/**
 * How and when a unit was dispensed or administered.
 *
 * @param kind dispensing or vaccination
 * @param at transaction timestamp
 * @param by MSP id of the dispenser
 * @param vaccineeHash hex SHA-256 of salt, 0x00 and the vaccinee id (vaccination only)
 */
public record Dispense(DispenseKind kind, Instant at, String by, String vaccineeHash) {
}
