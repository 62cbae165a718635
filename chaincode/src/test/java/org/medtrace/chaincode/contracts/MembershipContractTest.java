// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Members;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;
import org.medtrace.chaincode.testing.TestIdentities;

/** The member registry: governed by the consortium authority alone, from its very first entry. */
class MembershipContractTest {

    @Nested
    class Bootstrap {
        private final Story empty = Story.withoutMembers();

        @Test
        void the_first_entry_is_the_authority_registering_itself_as_regulator() {
            assertThat(empty.refused(Parties.HUAXIA, "member:register", Members.request("HuaxiaVaccineMSP",
                    List.of(Role.MANUFACTURER)), ErrorCode.ACCESS_DENIED)).contains("HuaxiaVaccineMSP is not a "
                            + "member of the consortium");
            assertThat(empty.refused(TestIdentities.of("RogueMSP", "regulator"), "member:register",
                    Members.request("RogueMSP", List.of(Role.REGULATOR)), ErrorCode.ACCESS_DENIED))
                    .contains("RogueMSP is not a member of the consortium");
            String first = "its first entry must be the consortium authority ShanghaiMpaMSP registering itself "
                    + "with role regulator";
            assertThat(empty.refused(Parties.MPA, "member:register", Members.request("HuaxiaVaccineMSP",
                    List.of(Role.MANUFACTURER)), ErrorCode.ACCESS_DENIED)).contains(first);
            assertThat(empty.refused(Parties.MPA, "member:register", Members.request("ShanghaiMpaMSP",
                    List.of(Role.LOGISTICS)), ErrorCode.ACCESS_DENIED)).contains(first);
            assertThat(empty.refused(TestIdentities.of("ShanghaiMpaMSP", "logistics"), "member:register",
                    Members.request("ShanghaiMpaMSP", List.of(Role.REGULATOR)), ErrorCode.ACCESS_DENIED))
                    .contains("role logistics of ShanghaiMpaMSP may not call member:register; allowed: regulator");

            empty.ok(Parties.MPA, "member:register", Members.request("ShanghaiMpaMSP", List.of(Role.REGULATOR)));
            empty.ok(Parties.MPA, "member:register", Members.request("HuaxiaVaccineMSP", List.of(Role.MANUFACTURER)));
            empty.ok(Parties.HUAXIA, "product:register", Story.vaccineProduct());
        }

        @Test
        void an_entry_is_written_with_exact_bytes_a_key_level_policy_and_an_event_with_who_and_why() {
            JsonNode response = empty.ok(Parties.MPA, "member:register", Json.with(Members.request("ShanghaiMpaMSP",
                    List.of(Role.REGULATOR)), "reason", "consortium founded"));
            String id = TestIdentities.of("ShanghaiMpaMSP", "regulator").toString();
            JsonNode written = empty.state("member", "ShanghaiMpaMSP");
            String updatedBy = written.get("updatedBy").asText();
            assertThat(updatedBy).startsWith("x509::").contains("CN=user-regulator").as(id);
            assertThat(empty.stateText("member", "ShanghaiMpaMSP")).isEqualTo("{\"creditCode\":\""
                    + Members.creditCode("ShanghaiMpaMSP") + "\",\"legalName\":\"ShanghaiMpa Co., Ltd.\","
                    + "\"licences\":[],\"msp\":\"ShanghaiMpaMSP\",\"reason\":\"consortium founded\","
                    + "\"registeredAt\":\"2026-11-23T02:00:01.000Z\",\"roles\":[\"regulator\"],"
                    + "\"updatedAt\":\"2026-11-23T02:00:01.000Z\",\"updatedBy\":\"" + updatedBy + "\","
                    + "\"updatedByMsp\":\"ShanghaiMpaMSP\",\"version\":1}");
            assertThat(response.get("member")).isEqualTo(written);

            JsonNode event = empty.state("event", response.get("eventIds").get(0).asText());
            assertThat(event.get("medtrace").get("transaction").asText()).isEqualTo("member:register");
            assertThat(event.get("medtrace").get("actorMsp").asText()).isEqualTo("ShanghaiMpaMSP");
            assertThat(event.get("medtrace").get("reason").asText()).isEqualTo("consortium founded");
            assertThat(event.get("medtrace").get("details").get("member")).isEqualTo(written);
        }

        @Test
        void every_entry_requires_the_authoritys_peer_to_endorse_its_change() throws Exception {
            empty.ok(Parties.MPA, "member:register", Members.request("ShanghaiMpaMSP", List.of(Role.REGULATOR)));
            empty.ok(Parties.MPA, "member:register", Members.request("ShenDistMSP", List.of(Role.DISTRIBUTOR)));
            for (String msp : List.of("ShanghaiMpaMSP", "ShenDistMSP")) {
                byte[] parameter = empty.harness().ledger().validationParameter(
                        new CompositeKey("member", msp).toString());
                SignaturePolicyEnvelope policy = SignaturePolicyEnvelope.parseFrom(parameter);
                assertThat(policy.getIdentitiesList()).hasSize(1);
                MSPPrincipal principal = policy.getIdentities(0);
                assertThat(principal.getPrincipalClassification()).isEqualTo(MSPPrincipal.Classification.ROLE);
                MSPRole role = MSPRole.parseFrom(principal.getPrincipal());
                assertThat(role.getMspIdentifier()).isEqualTo("ShanghaiMpaMSP");
                assertThat(role.getRole()).isEqualTo(MSPRole.MSPRoleType.PEER);
                assertThat(policy.getRule().getNOutOf().getN()).isEqualTo(1);
            }
        }
    }

    @Nested
    class Governance {
        private final Story story = new Story();

        @Test
        void only_the_authority_changes_the_registry_even_against_another_granted_regulator() {
            story.ok(Parties.MPA, "member:register", Members.request("NmpaMSP", List.of(Role.REGULATOR)));
            assertThat(story.refused(TestIdentities.of("NmpaMSP", "regulator"), "member:update",
                    Members.request("HuaxiaVaccineMSP", List.of(Role.MANUFACTURER, Role.LOT_RELEASE)),
                    ErrorCode.ACCESS_DENIED)).contains("only the consortium authority ShanghaiMpaMSP may change "
                            + "the member registry, not NmpaMSP");
        }

        @Test
        void register_twice_is_refused_and_update_needs_an_entry() {
            story.refused(Parties.MPA, "member:register", Members.request("ShenDistMSP", List.of(Role.DISTRIBUTOR)),
                    ErrorCode.MEMBER_EXISTS);
            story.refused(Parties.MPA, "member:update", Members.request("NewDistMSP", List.of(Role.DISTRIBUTOR)),
                    ErrorCode.MEMBER_NOT_FOUND);
        }

        @Test
        void an_update_replaces_the_entry_and_an_empty_role_list_suspends_the_member() {
            JsonNode before = story.state("member", "ShenDistMSP");
            JsonNode updated = story.ok(Parties.MPA, "member:update", Json.with(Members.request("ShenDistMSP",
                    List.of()), "reason", "licence revoked by decision 2026-77")).get("member");
            assertThat(updated.get("version").asLong()).isEqualTo(2);
            assertThat(updated.get("registeredAt")).isEqualTo(before.get("registeredAt"));
            assertThat(updated.get("roles")).isEmpty();
            assertThat(updated.get("reason").asText()).isEqualTo("licence revoked by decision 2026-77");
            assertThat(story.refused(ErrorCode.ACCESS_DENIED, () -> story.harness().evaluate(Parties.SHEN,
                    "unit:get", Json.obj("id", "88.1/X").toString()))).contains("(granted: none)");
            // a suspended member still reads the registry
            assertThat(story.read(Parties.SHEN, "member:get", Json.obj("msp", "ShenDistMSP"))).isEqualTo(updated);
            JsonNode history = story.read(Parties.MPA, "ledger:history", Json.obj("type", "member", "id",
                    "ShenDistMSP")).get("history");
            assertThat(history).hasSize(2);
            assertThat(history.get(1).get("value").get("roles").toString()).isEqualTo("[\"distributor\"]");
        }

        @Test
        void the_authority_cannot_withdraw_its_own_regulator_role() {
            assertThat(story.refused(Parties.MPA, "member:update", Members.request("ShanghaiMpaMSP",
                    List.of(Role.LOGISTICS)), ErrorCode.INVALID_ARGUMENT)).contains("must keep role regulator");
        }
    }

    @Nested
    class Reads {
        private final Story story = new Story();

        @Test
        void any_member_reads_an_entry_and_pages_through_the_registry_in_msp_order() {
            JsonNode entry = story.read(Parties.COLDLINK_LOGGER, "member:get", Json.obj("msp", "ShanghaiIdcMSP"));
            assertThat(entry.get("legalName").asText()).isEqualTo("上海市食品药品检验研究院");
            assertThat(entry.get("roles").toString()).isEqualTo("[\"lot-release\"]");
            story.refused(ErrorCode.MEMBER_NOT_FOUND, () -> story.harness().evaluate(Parties.SHEN, "member:get",
                    "{\"msp\":\"NobodyMSP\"}"));

            JsonNode first = story.read(Parties.SHEN, "member:list", Json.obj("pageSize", 4));
            assertThat(first.get("members")).hasSize(4);
            assertThat(first.get("members").get(0).get("msp").asText()).isEqualTo("BencaoHerbalMSP");
            JsonNode rest = story.read(Parties.SHEN, "member:list", Json.obj("pageSize", 100, "bookmark",
                    first.get("bookmark").asText()));
            assertThat(rest.get("members")).hasSize(6);
            assertThat(rest.get("bookmark").asText()).isEmpty();
        }
    }
}
