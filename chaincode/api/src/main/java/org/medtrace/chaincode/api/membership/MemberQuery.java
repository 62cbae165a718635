// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import org.medtrace.chaincode.api.Check;

/**
 * The request of {@code member:get}.
 *
 * @param msp the member's MSP id
 */
public record MemberQuery(String msp) {
    /** Validates every field. */
    public MemberQuery {
        msp = Check.msp("msp", msp);
    }
}
