// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.aggregation;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code aggregation:pack}. */
record PackRequest(String parent, List<String> children) {
    PackRequest {
        parent = Check.identifier("parent", parent);
        children = Check.identifiers("children", children, 1, Limits.CODES_MAX);
    }
}
