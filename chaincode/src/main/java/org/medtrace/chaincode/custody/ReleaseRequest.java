// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import org.medtrace.chaincode.core.Check;

/** The request of {@code custody:release}. */
record ReleaseRequest(String holdId) {
    ReleaseRequest {
        holdId = Check.reference("holdId", holdId);
    }
}
