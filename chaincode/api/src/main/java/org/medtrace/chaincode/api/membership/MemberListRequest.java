// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/**
 * The request of {@code member:list}: one page of the registry in MSP-id order.
 *
 * @param pageSize entries per page, 1..{@link Limits#PAGE_SIZE_MAX}, {@link Limits#PAGE_SIZE_DEFAULT} if absent
 * @param bookmark the previous page's bookmark, or absent for the first page
 */
public record MemberListRequest(Integer pageSize, String bookmark) {
    /** Validates and normalises every field. */
    public MemberListRequest {
        pageSize = pageSize == null ? Limits.PAGE_SIZE_DEFAULT
                : Check.range("pageSize", pageSize, 1, Limits.PAGE_SIZE_MAX);
        bookmark = Check.bookmark("bookmark", bookmark);
    }
}
