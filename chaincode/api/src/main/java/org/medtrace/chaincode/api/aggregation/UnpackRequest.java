// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.aggregation;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code aggregation:unpack}; no children means all of them. */
public record UnpackRequest(String parent, List<String> children) {
    /** Validates and normalises every field. */
    public UnpackRequest {
        parent = Check.identifier("parent", parent);
        children = Check.optionalIdentifiers("children", children, 1, Limits.CODES_MAX);
    }
}
