// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.util.Map;
import org.hyperledger.fabric.client.Contract;

/**
 * The consortium the project's chaincode needs before anyone can act: deployed with the authority in its
 * environment, and a member registry the authority bootstraps (itself first) through {@code member:register}.
 */
final class Consortium {
    /** The authority's MSP id. */
    static final String AUTHORITY = "ShanghaiMpaMSP";
    /** The chaincode environment that names it. */
    static final Map<String, String> ENVIRONMENT = Map.of("MEDTRACE_CONSORTIUM_AUTHORITY", AUTHORITY);
    private static final String MAKER_LICENCE = "[{\"type\":\"DRUG_MANUFACTURING\",\"number\":\"沪20260001\","
            + "\"validFrom\":\"2020-01-01\",\"validUntil\":\"2035-12-31\"}]";

    private Consortium() {
    }

    /**
     * Registers the authority (as regulator) and HuaxiaVaccineMSP (as manufacturer).
     *
     * @param authority the chaincode, as a regulator of the authority
     */
    static void bootstrap(final Contract authority) throws Exception {
        register(authority, AUTHORITY, "[\"regulator\"]", "[]");
        register(authority, "HuaxiaVaccineMSP", "[\"manufacturer\"]", MAKER_LICENCE);
    }

    private static void register(final Contract contract, final String msp, final String roles,
            final String licences) throws Exception {
        contract.submitTransaction("member:register", "{\"clientEventId\":\"member-" + msp + "\",\"msp\":\""
                + msp + "\",\"legalName\":\"" + msp + " Co., Ltd.\",\"creditCode\":\"91350100M000100Y43\","
                + "\"roles\":" + roles + ",\"licences\":" + licences + ",\"reason\":\"test consortium\"}");
    }
}
