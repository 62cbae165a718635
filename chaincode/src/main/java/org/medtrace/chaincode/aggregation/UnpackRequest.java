// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.aggregation;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code aggregation:unpack}; no children means all of them. */
record UnpackRequest(String parent, List<String> children) {
    UnpackRequest {
        parent = Check.identifier("parent", parent);
        children = Check.optionalIdentifiers("children", children, 1, Limits.CODES_MAX);
    }
}
