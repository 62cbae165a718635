// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.unit;

import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code unit:children}. */
public record ChildrenRequest(String parent, Integer pageSize, String bookmark) {
    /** Validates and normalises every field. */
    public ChildrenRequest {
        parent = Check.identifier("parent", parent);
        pageSize = pageSize == null ? Limits.PAGE_SIZE_DEFAULT
                : Check.range("pageSize", pageSize, 1, Limits.PAGE_SIZE_MAX);
        bookmark = Check.bookmark("bookmark", bookmark);
    }
}
