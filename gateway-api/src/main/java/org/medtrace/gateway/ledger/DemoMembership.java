// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.membership.LicenceType;
import org.medtrace.chaincode.api.membership.Role;

/**
 * The embedded default's member registry: at start the consortium authority's demo client registers itself, then
 * every demo organisation with the roles of its demo clients and licences valid for years, through the same
 * {@code member:register} transactions a real network uses. Entries already present are left as they are.
 */
final class DemoMembership {

    private static final Logger LOG = Logger.getLogger(DemoMembership.class.getName());
    private static final String VALID_FROM = "2020-01-01";
    private static final String VALID_UNTIL = "2035-12-31";

    /**
     * A demo organisation's registry particulars.
     *
     * @param legalName its legal name
     * @param licence the licence its roles need, or null
     * @param serial digits that make its (fictitious) 统一社会信用代码 unique
     */
    private record Particulars(String legalName, LicenceType licence, String serial) {
    }

    private static final Map<String, Particulars> PARTICULARS = Map.of(
            "ShanghaiMpaMSP", new Particulars("上海市药品监督管理局", null, "00000001"),
            "HuaxiaVaccineMSP", new Particulars("华夏疫苗股份有限公司", LicenceType.DRUG_MANUFACTURING, "00000002"),
            "BencaoHerbalMSP", new Particulars("本草中药饮片有限公司", LicenceType.DRUG_MANUFACTURING, "00000003"),
            "ShenDistMSP", new Particulars("申城医药分销有限公司", LicenceType.DRUG_DISTRIBUTION, "00000004"),
            "ColdLinkMSP", new Particulars("冷链通物流有限公司", null, "00000005"),
            "MinhangCdcMSP", new Particulars("上海市闵行区疾病预防控制中心", LicenceType.VACCINATION_SITE, "00000006"),
            "RenjiHospitalMSP", new Particulars("上海交通大学医学院附属仁济医院", LicenceType.MEDICAL_INSTITUTION,
                    "00000007"),
            "ShanghaiIdcMSP", new Particulars("上海市食品药品检验研究院", LicenceType.LOT_RELEASE_DESIGNATION,
                    "00000008"));

    private DemoMembership() {
    }

    /**
     * Registers the demo organisations, the authority first.
     *
     * @param client the ledger client
     * @param authority the consortium authority's MSP id
     * @throws IllegalStateException if no demo client of the authority has the regulator role
     * @throws LedgerException if the ledger refuses a registration for another reason than its being present
     */
    static void bootstrap(final LedgerClient client, final String authority) throws LedgerException {
        final String registrar = DemoOrganizations.MEMBERS.stream()
                .filter(m -> m.mspId().equals(authority) && m.role().equals(Role.REGULATOR.wire()))
                .map(DemoOrganizations.Member::clientId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo regulator client of the consortium authority "
                        + authority));
        final Map<String, Set<Role>> grants = new LinkedHashMap<>();
        grants.put(authority, new LinkedHashSet<>());
        for (final DemoOrganizations.Member member : DemoOrganizations.MEMBERS) {
            grants.computeIfAbsent(member.mspId(), msp -> new LinkedHashSet<>()).add(Role.fromWire(member.role()));
        }
        final List<String> registered = new ArrayList<>();
        for (final Map.Entry<String, Set<Role>> grant : grants.entrySet()) {
            final byte[] request = Json.bytes(request(grant.getKey(), grant.getValue()));
            try {
                final Committed committed = client.submit(registrar, "member:register", request, Map.of());
                if (!Json.read(committed.result(), ObjectNode.class).path("replayed").asBoolean()) {
                    registered.add(grant.getKey());
                }
            } catch (ChaincodeRefusedException e) {
                if (!ErrorCode.MEMBER_EXISTS.name().equals(e.code())) {
                    throw e;
                }
            }
        }
        LOG.info(() -> registered.isEmpty() ? "member registry: the demo organisations are registered already"
                : "member registry: registered " + String.join(", ", registered));
    }

    /** @return the {@code member:register} request of a demo organisation */
    static ObjectNode request(final String msp, final Set<Role> roles) {
        final Particulars particulars = PARTICULARS.getOrDefault(msp, new Particulars(msp, null, "00000099"));
        final ObjectNode request = Json.object();
        // one key per organisation: a restart replays the registration instead of writing it again
        request.put("clientEventId", "demo-member-" + msp);
        request.put("msp", msp).put("legalName", particulars.legalName());
        final String first17 = "123100000" + particulars.serial();
        request.put("creditCode", first17 + Check.creditCodeCheck(first17));
        final ArrayNode licences = request.putArray("licences");
        final Set<LicenceType> types = new LinkedHashSet<>();
        for (final Role role : roles) {
            if (!role.licenceTypes().isEmpty()) {
                types.add(particulars.licence() != null && role.licenceTypes().contains(particulars.licence())
                        ? particulars.licence() : role.licenceTypes().stream().sorted().findFirst().orElseThrow());
            }
        }
        for (final LicenceType type : types) {
            licences.addObject().put("type", type.wire()).put("number", "DEMO-" + msp + "-" + type.wire())
                    .put("validFrom", VALID_FROM).put("validUntil", VALID_UNTIL);
        }
        final ArrayNode granted = request.putArray("roles");
        roles.forEach(role -> granted.add(role.wire()));
        request.put("reason", "demo consortium: registered at the embedded ledger's first start");
        return request;
    }
}
