// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

/** A batch that cannot be stored as sent: names the reading, its line and the field. */
final class MalformedBatchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * @param index the reading's position in the batch (0-based), or -1 for the batch as a whole
     * @param line the line the reading starts on, or -1
     * @param field the field, e.g. {@code celsius}
     * @param reason what is wrong
     */
    MalformedBatchException(final int index, final long line, final String field, final String reason) {
        super((line > 0 ? "line " + line + ": " : "") + (index >= 0 ? "reading [" + index + "]: " : "")
                + field + ": " + reason);
        this.field = index >= 0 ? "[" + index + "]." + field : field;
        this.reason = reason;
    }

    /** @return the field path, e.g. {@code [3].celsius} */
    String field() {
        return field;
    }

    /** @return what is wrong with it */
    String reason() {
        return reason;
    }
}
