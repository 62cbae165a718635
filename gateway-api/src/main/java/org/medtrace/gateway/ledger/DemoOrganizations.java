// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.util.List;

/**
 * The demo organisations of the embedded default (docs/chaincode-api.md): one identity per organisation and role,
 * and one REST client for each. Demo only: their secrets are published in the README, so they exist only in
 * embedded mode and can be switched off with {@code medtrace.ledger.embedded.demo-organizations=false}.
 */
public final class DemoOrganizations {

    /**
     * One demo caller.
     *
     * @param clientId the REST client id (also the ledger identity's name)
     * @param mspId the organisation
     * @param role the role attribute
     */
    public record Member(String clientId, String mspId, String role) {

        /** @return the demo secret: {@code <client id>-demo}. */
        public String demoSecret() {
            return clientId + "-demo";
        }
    }

    /** Every demo caller. */
    public static final List<Member> MEMBERS = List.of(
            new Member("huaxia", "HuaxiaVaccineMSP", "manufacturer"),
            new Member("bencao", "BencaoHerbalMSP", "manufacturer"),
            new Member("shendist", "ShenDistMSP", "distributor"),
            new Member("coldlink", "ColdLinkMSP", "logistics"),
            new Member("coldlink-logger", "ColdLinkMSP", "logger"),
            new Member("minhang-cdc", "MinhangCdcMSP", "dispenser"),
            new Member("renji", "RenjiHospitalMSP", "dispenser"),
            new Member("shanghai-mpa", "ShanghaiMpaMSP", "regulator"),
            new Member("sidc", "ShanghaiIdcMSP", "lot-release"));

    private DemoOrganizations() {
    }

    /**
     * The default endorsement policy of the embedded dev peer, the same text network/fabric deploys: the regulator's
     * peer and one other demo organisation's, so no member's peer writes alone.
     *
     * @return {@code AND('<regulator MSP>.peer', OutOf(1, '<other MSP>.peer', ...))}
     */
    public static String endorsementPolicy() {
        final String regulator = MEMBERS.stream().filter(member -> member.role().equals("regulator"))
                .map(Member::mspId).findFirst().orElseThrow();
        final List<String> others = mspIds().stream().filter(msp -> !msp.equals(regulator))
                .map(msp -> "'" + msp + ".peer'").toList();
        return "AND('" + regulator + ".peer', OutOf(1, " + String.join(", ", others) + "))";
    }

    /** @return the distinct MSP ids of the demo organisations. */
    public static List<String> mspIds() {
        return MEMBERS.stream().map(Member::mspId).distinct().toList();
    }
}
