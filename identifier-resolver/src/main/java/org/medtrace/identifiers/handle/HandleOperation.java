// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

/** The REST operations whose HTTP statuses differ for the same Handle response code. */
public enum HandleOperation {
    /** GET of a handle. */
    RESOLVE,
    /** PUT that created a handle or values. */
    CREATE,
    /** PUT that replaced existing values. */
    MODIFY,
    /** DELETE of a handle or values. */
    DELETE
}
