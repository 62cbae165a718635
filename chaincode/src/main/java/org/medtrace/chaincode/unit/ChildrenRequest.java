// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.unit;

import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code unit:children}. */
record ChildrenRequest(String parent, Integer pageSize, String bookmark) {
    ChildrenRequest {
        parent = Check.identifier("parent", parent);
        pageSize = pageSize == null ? Limits.PAGE_SIZE_DEFAULT
                : Check.range("pageSize", pageSize, 1, Limits.PAGE_SIZE_MAX);
        bookmark = Check.bookmark("bookmark", bookmark);
    }
}
