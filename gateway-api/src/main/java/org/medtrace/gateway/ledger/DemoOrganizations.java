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

    /** @return the distinct MSP ids of the demo organisations. */
    public static List<String> mspIds() {
        return MEMBERS.stream().map(Member::mspId).distinct().toList();
    }
}
