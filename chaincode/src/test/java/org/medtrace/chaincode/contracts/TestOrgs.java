// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import org.medtrace.chaincode.testing.TestIdentities.Identity;
import org.medtrace.chaincode.testing.TestIdentities;

/** Callers beyond the demo organisations. */
final class TestOrgs {
    /** A manufacturer that is not the MAH of the demo products. */
    static final Identity OTHER_MAKER = TestIdentities.of("OtherPharmaMSP", "manufacturer");
    /** The MAH's own dispensary (the vaccine maker's staff clinic), to dispense what the MAH holds. */
    static final Identity MAKER_PHARMACY = TestIdentities.of("HuaxiaVaccineMSP", "dispenser");
    /** A second distributor. */
    static final Identity OTHER_DIST = TestIdentities.of("NorthDistMSP", "distributor");

    private TestOrgs() {
    }
}
