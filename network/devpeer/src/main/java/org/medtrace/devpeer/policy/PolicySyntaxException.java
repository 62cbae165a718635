// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.policy;

/** A signature policy text that does not parse; the message names the position and what was expected. */
public final class PolicySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;

    /** Creates the exception for a problem at {@code position} (0-based character offset) in {@code text}. */
    public PolicySyntaxException(final String text, final int position, final String problem) {
        super("invalid signature policy at position " + position + ": " + problem + " in: " + text);
        this.position = position;
    }

    /** The 0-based character offset of the problem. */
    public int position() {
        return position;
    }
}
