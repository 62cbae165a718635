// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import org.medtrace.chaincode.testing.TestIdentities;
import org.medtrace.chaincode.testing.TestIdentities.Identity;

/** Callers beyond the demo organisations. */
final class TestOrgs {
    /** A manufacturer that is not the MAH of the demo products. */
    static final Identity OTHER_MAKER = TestIdentities.of("OtherPharmaMSP", "manufacturer");
    /** A second distributor. */
    static final Identity OTHER_DIST = TestIdentities.of("NorthDistMSP", "distributor");

    private TestOrgs() {
    }
}
