// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import java.util.Map;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement.RoleType;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.FieldProblem;

/**
 * The consortium authority: the MSP id that governs the member registry. Every organisation deploys the chaincode
 * with the same value in its environment, so a member cannot name itself the authority on its own peer without
 * its endorsements (and the registry's key-level endorsement policy) disagreeing with everyone else's.
 */
public final class Consortium {
    /** The environment variable naming the authority's MSP id, e.g. {@code ShanghaiMpaMSP}. */
    public static final String AUTHORITY_VARIABLE = "MEDTRACE_CONSORTIUM_AUTHORITY";

    private Consortium() {
    }

    /**
     * @param environment the chaincode process's environment ({@link System#getenv()})
     * @return the authority's MSP id
     * @throws Refusal CONSORTIUM_NOT_CONFIGURED if the variable is absent or not an MSP id
     */
    public static String authority(final Map<String, String> environment) {
        String value = environment.get(AUTHORITY_VARIABLE);
        if (value == null || value.isBlank()) {
            throw Refusal.of(ErrorCode.CONSORTIUM_NOT_CONFIGURED, "the chaincode was deployed without "
                    + AUTHORITY_VARIABLE + " (the consortium authority's MSP id); it refuses every transaction");
        }
        try {
            return Check.msp(AUTHORITY_VARIABLE, value.strip());
        } catch (FieldProblem e) {
            throw Refusal.of(ErrorCode.CONSORTIUM_NOT_CONFIGURED, AUTHORITY_VARIABLE + ": " + e.getMessage());
        }
    }

    /**
     * @param authority the authority's MSP id
     * @return the key-level endorsement policy of a member entry: a peer of the authority must endorse its change
     */
    public static byte[] memberKeyPolicy(final String authority) {
        StateBasedEndorsement policy = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(new byte[0]);
        policy.addOrgs(RoleType.RoleTypePeer, authority);
        return policy.policy();
    }
}
