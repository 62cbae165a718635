// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

/** What the transaction pipeline requires of a caller before any rule runs (docs/chaincode-api.md, "Membership"). */
public enum Access {
    /**
     * The role named by the caller's certificate must be granted to its organisation in the member registry, with
     * a licence valid on the transaction's date where the role needs one. Every transaction but the two below.
     */
    GRANTED_ROLE,
    /** Any organisation with a registry entry: reading the registry ({@code member:get}, {@code member:list}). */
    MEMBER,
    /**
     * Changing the registry: as {@link #GRANTED_ROLE}, except that the consortium authority may call while it has
     * no entry yet, so that it can register itself first (the rule checks that it does exactly that).
     */
    GOVERNANCE
}
