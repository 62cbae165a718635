// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

/**
 * The stable refusal codes of the traceability chaincode. A refusal's message starts with {@code [CODE]} and its
 * payload is the code in UTF-8 (see docs/chaincode-api.md, "Errors"); clients switch on the code, never on the text.
 * Codes are never renamed or reused.
 */
public enum ErrorCode {
    /** The request is malformed or a field is out of range; the message names the field. */
    INVALID_ARGUMENT,
    /** A field that must be an industrial-internet identifier is not one; the message names the field. */
    INVALID_IDENTIFIER,
    /** A request or the work it implies exceeds a documented limit. */
    LIMIT_EXCEEDED,
    /**
     * The caller may not call this transaction: its certificate's role is not allowed here, or the consortium's
     * member registry does not grant its organisation that role (with a licence valid today, where the role needs
     * one); the message names the missing grant.
     */
    ACCESS_DENIED,
    /** The caller's organisation is not the custodian of the goods. */
    NOT_CUSTODIAN,
    /** The caller's organisation is not the marketing-authorisation holder. */
    NOT_MAH,
    /** The caller's organisation is not the receiver named in the shipment. */
    NOT_RECEIVER,
    /** The client event id was used before with a different request. */
    IDEMPOTENCY_KEY_REUSED,
    PRODUCT_NOT_FOUND,
    PRODUCT_EXISTS,
    BATCH_NOT_FOUND,
    BATCH_EXISTS,
    UNIT_NOT_FOUND,
    UNIT_ALREADY_COMMISSIONED,
    SHIPMENT_NOT_FOUND,
    SHIPMENT_EXISTS,
    RECALL_NOT_FOUND,
    RECALL_EXISTS,
    HOLD_NOT_FOUND,
    HOLD_EXISTS,
    LOGGER_NOT_FOUND,
    LOGGER_EXISTS,
    LOGGER_REVOKED,
    EXCURSION_EXISTS,
    EVENT_NOT_FOUND,
    /** The product is of the wrong kind for the transaction (vaccine, herbal_raw, herbal_slice). */
    WRONG_PRODUCT_KIND,
    PACKAGE_LEVEL_INVALID,
    /** A vaccine batch has no lot-release (批签发) certificate yet. */
    BATCH_NOT_RELEASED,
    BATCH_RECALLED,
    UNIT_EXPIRED,
    UNIT_HELD,
    UNIT_IN_TRANSIT,
    UNIT_NOT_IN_TRANSIT,
    UNIT_NOT_ACTIVE,
    UNIT_ALREADY_DISPENSED,
    UNIT_DESTROYED,
    UNIT_DECOMMISSIONED,
    UNIT_PACKED,
    UNIT_NOT_PACKED,
    AGGREGATION_CYCLE,
    AGGREGATION_NOT_EMPTY,
    QUANTITY_EXCEEDED,
    TEMPERATURE_RECORD_MISSING,
    ANCHOR_OUT_OF_ORDER,
    TRANSFORMATION_EXISTS,
    /** A vaccine batch already carries a lot-release certificate. */
    LOT_RELEASE_EXISTS,
    /**
     * A code carries a product key (the NMPA code's 药品标识码, a GTIN, an SSCC) that is not the key of the batch's
     * product at the package level being commissioned; the message names both keys and the code.
     */
    PRODUCT_KEY_MISMATCH,
    /**
     * The event's time precedes the last event of a unit it touches (or the shipment it receives, or the batch's
     * production date); the message names the unit, its last event time and the requested time.
     */
    EVENT_TIME_OUT_OF_ORDER,
    /**
     * The chaincode was deployed without the consortium authority (environment variable
     * {@code MEDTRACE_CONSORTIUM_AUTHORITY}); every transaction is refused until it is.
     */
    CONSORTIUM_NOT_CONFIGURED,
    /** The member registry has no entry for the MSP id asked for. */
    MEMBER_NOT_FOUND,
    /** {@code member:register} for an MSP id that has an entry already (use {@code member:update}). */
    MEMBER_EXISTS,
    /** A shipment or return names a receiver that is not a member with at least one granted role. */
    RECEIVER_NOT_MEMBER
}
