// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.membership.LicenceType;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.testing.TestIdentities.Identity;

/**
 * The member registry of the test consortium, bootstrapped through the real transactions: the authority
 * (ShanghaiMpaMSP, as the surefire environment names it) registers itself, then every organisation a test calls
 * as, with the roles its test identities carry and licences valid 2020..2035.
 */
public final class Members {
    /** The consortium authority the test chaincode is deployed with (chaincode/pom.xml, surefire). */
    public static final String AUTHORITY = "ShanghaiMpaMSP";
    public static final String VALID_FROM = "2020-01-01";
    public static final String VALID_UNTIL = "2035-12-31";

    /** MSP id to its roles, the authority first. */
    private static final Map<String, List<Role>> GRANTS = grants();

    private Members() {
    }

    private static Map<String, List<Role>> grants() {
        Map<String, List<Role>> grants = new java.util.LinkedHashMap<>();
        grants.put(AUTHORITY, List.of(Role.REGULATOR));
        grants.put("HuaxiaVaccineMSP", List.of(Role.MANUFACTURER, Role.DISPENSER));
        grants.put("BencaoHerbalMSP", List.of(Role.MANUFACTURER));
        grants.put("ShenDistMSP", List.of(Role.DISTRIBUTOR));
        grants.put("ColdLinkMSP", List.of(Role.LOGISTICS, Role.LOGGER));
        grants.put("MinhangCdcMSP", List.of(Role.DISPENSER));
        grants.put("RenjiHospitalMSP", List.of(Role.DISPENSER));
        grants.put("ShanghaiIdcMSP", List.of(Role.LOT_RELEASE));
        grants.put("OtherPharmaMSP", List.of(Role.MANUFACTURER));
        grants.put("NorthDistMSP", List.of(Role.DISTRIBUTOR));
        return grants;
    }

    /** Registers every test organisation, the authority first. */
    public static void bootstrap(final Story story) {
        for (Map.Entry<String, List<Role>> grant : GRANTS.entrySet()) {
            story.ok(Parties.MPA, "member:register", request(grant.getKey(), grant.getValue()));
        }
    }

    /** @return a member request for the MSP with the roles and a licence of each type they need, valid 2020..2035 */
    public static ObjectNode request(final String msp, final List<Role> roles) {
        return request(msp, roles, VALID_FROM, VALID_UNTIL);
    }

    /** @return a member request whose licences are valid from..until */
    public static ObjectNode request(final String msp, final List<Role> roles, final String from,
            final String until) {
        Set<LicenceType> types = new LinkedHashSet<>();
        roles.forEach(role -> role.licenceTypes().stream().sorted().findFirst().ifPresent(types::add));
        List<Object> licences = new ArrayList<>();
        for (LicenceType type : types) {
            licences.add(Json.obj("type", type.wire(), "number", msp + "-" + type.wire(), "validFrom", from,
                    "validUntil", until));
        }
        return Json.obj("msp", msp, "legalName", legalName(msp), "creditCode", creditCode(msp),
                "licences", licences, "roles", roles.stream().map(Role::wire).toList(),
                "reason", "admitted to the test consortium");
    }

    /** @return the legal name the test registry gives the MSP */
    public static String legalName(final String msp) {
        return "ShanghaiIdcMSP".equals(msp) ? "上海市食品药品检验研究院" : msp.replace("MSP", "") + " Co., Ltd.";
    }

    /** @return a valid 统一社会信用代码 derived from the MSP id */
    public static String creditCode(final String msp) {
        String first17 = String.format("913100007%08d", Math.floorMod(msp.hashCode(), 100_000_000));
        return first17 + Check.creditCodeCheck(first17);
    }

    /** @return a caller of the MSP with the role, for tests that need one the demo parties lack */
    public static Identity caller(final String msp, final Role role) {
        return TestIdentities.of(msp, role.wire());
    }
}
