// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.goods;

/**
 * What a rule requires of every code it acts on. {@link Goods#require} checks them in a fixed order (status,
 * custodian, packing, recall, hold, expiry, lot release), so the same situation always gives the same error code.
 */
public enum Requirement {
    /** Status active: not in transit, dispensed, destroyed, decommissioned or consumed. */
    ACTIVE,
    /** Status active or in transit. */
    ACTIVE_OR_IN_TRANSIT,
    /** The caller's organisation is the custodian. */
    CUSTODIAN,
    /** Not packed inside a parent. */
    TOP_LEVEL,
    /** The batch is not recalled. */
    NOT_RECALLED,
    /** Neither the code nor its batch is on hold. */
    NOT_HELD,
    /** The batch has not expired. */
    NOT_EXPIRED,
    /** A vaccine batch carries its lot release (批签发). */
    RELEASED
}
