// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

/** The documented limits of the contract (docs/chaincode-api.md, "Limits"). Everything that grows has one. */
public final class Limits {
    /** Codes, children or targets in one request. */
    public static final int CODES_MAX = 10_000;
    /** Nodes visited by tree walks in one transaction. */
    public static final int TREE_NODES_MAX = 10_000;
    /** Batches in one recall or batch hold. */
    public static final int RECALL_BATCHES_MAX = 100;
    /** Inputs, or outputs, of one transformation. */
    public static final int TRANSFORMATION_PARTS_MAX = 100;
    /** Package levels of one product. */
    public static final int PACKAGE_LEVELS_MAX = 9;
    /** Page size of a paged read. */
    public static final int PAGE_SIZE_MAX = 1_000;
    /** Page size of a paged read when the request names none. */
    public static final int PAGE_SIZE_DEFAULT = 100;
    /** History entries returned by one ledger:history call. */
    public static final int HISTORY_ENTRIES_MAX = 1_000;
    /** Ledger entries one telemetry:anchors call scans to fill a page (the rest follows with the bookmark). */
    public static final int ANCHOR_SCAN_MAX = 10_000;
    /** Live logger associations of one logger. */
    public static final int LOGGER_ASSOCIATIONS_MAX = 10_000;
    /** Request JSON, in bytes (UTF-8). */
    public static final int REQUEST_BYTES_MAX = 4 * 1024 * 1024;
    /** Free-text fields (names, reasons, notes), in characters. */
    public static final int TEXT_LENGTH_MAX = 512;
    /** Reference ids (clientEventId, shipmentId, holdId, ...), in characters. */
    public static final int REFERENCE_LENGTH_MAX = 128;
    /** How far the request's eventTime may lie after the transaction timestamp, in seconds. */
    public static final long EVENT_TIME_SKEW_SECONDS_MAX = 300;

    private Limits() {
    }
}
