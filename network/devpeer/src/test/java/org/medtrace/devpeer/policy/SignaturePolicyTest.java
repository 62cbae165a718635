// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignaturePolicyTest {
    private static final List<String> OTHERS = List.of("HuaxiaVaccineMSP", "BencaoHerbalMSP", "ShenDistMSP",
            "ColdLinkMSP", "MinhangCdcMSP", "RenjiHospitalMSP", "ShanghaiIdcMSP");
    /** The text network/fabric deploys by default: the regulator's peer and one other organisation's. */
    private static final String REGULATOR_AND_ONE = "AND('ShanghaiMpaMSP.peer', OutOf(1, 'HuaxiaVaccineMSP.peer',"
            + " 'BencaoHerbalMSP.peer', 'ShenDistMSP.peer', 'ColdLinkMSP.peer', 'MinhangCdcMSP.peer',"
            + " 'RenjiHospitalMSP.peer', 'ShanghaiIdcMSP.peer'))";
    /** The documented majority alternative: 5 of the 8 peers. */
    private static final String MAJORITY = "OutOf(5, 'ShanghaiMpaMSP.peer', 'HuaxiaVaccineMSP.peer',"
            + " 'BencaoHerbalMSP.peer', 'ShenDistMSP.peer', 'ColdLinkMSP.peer', 'MinhangCdcMSP.peer',"
            + " 'RenjiHospitalMSP.peer', 'ShanghaiIdcMSP.peer')";

    private static PolicyIdentity peer(final String msp) {
        return new PolicyIdentity(msp + "/peer0", msp, MSPRoleType.PEER);
    }

    private static PolicyIdentity client(final String msp, final String name) {
        return new PolicyIdentity(msp + "/" + name, msp, MSPRoleType.CLIENT);
    }

    @Nested
    class TheRegulatorAndOnePolicy {
        private final SignaturePolicy policy = SignaturePolicy.parse(REGULATOR_AND_ONE);

        @Test
        void is_satisfied_by_the_regulators_peer_and_any_one_other_peer() {
            for (final String other : OTHERS) {
                assertThat(policy.isSatisfiedBy(List.of(peer("ShanghaiMpaMSP"), peer(other)))).as(other).isTrue();
            }
        }

        @Test
        void is_not_satisfied_by_one_peer_alone_whichever_it_is() {
            assertThat(policy.isSatisfiedBy(List.of(peer("ShanghaiMpaMSP")))).isFalse();
            for (final String other : OTHERS) {
                assertThat(policy.isSatisfiedBy(List.of(peer(other)))).as(other).isFalse();
            }
        }

        @Test
        void is_not_satisfied_by_every_other_peer_without_the_regulator() {
            assertThat(policy.isSatisfiedBy(OTHERS.stream().map(SignaturePolicyTest::peer).toList())).isFalse();
        }

        @Test
        void counts_a_signer_once_even_if_it_signs_twice() {
            assertThat(policy.isSatisfiedBy(List.of(peer("ShanghaiMpaMSP"), peer("ShanghaiMpaMSP")))).isFalse();
        }

        @Test
        void needs_the_peer_role_not_a_client_of_the_organisation() {
            assertThat(policy.isSatisfiedBy(List.of(client("ShanghaiMpaMSP", "regulator"), peer("ShenDistMSP"))))
                    .isFalse();
            assertThat(policy.isSatisfiedBy(List.of(peer("ShanghaiMpaMSP"), client("ShenDistMSP", "x")))).isFalse();
        }

        @Test
        void compiles_to_the_envelope_fabric_builds() {
            final SignaturePolicyEnvelope envelope = policy.envelope();
            assertThat(envelope.getVersion()).isZero();
            assertThat(envelope.getIdentitiesCount()).isEqualTo(8);
            assertThat(role(envelope.getIdentities(0))).isEqualTo(MSPRole.newBuilder()
                    .setMspIdentifier("ShanghaiMpaMSP").setRole(MSPRoleType.PEER).build());
            assertThat(envelope.getRule().getNOutOf().getN()).isEqualTo(2);
            assertThat(envelope.getRule().getNOutOf().getRules(0).getSignedBy()).isZero();
            assertThat(envelope.getRule().getNOutOf().getRules(1).getNOutOf().getN()).isEqualTo(1);
            assertThat(envelope.getRule().getNOutOf().getRules(1).getNOutOf().getRulesCount()).isEqualTo(7);
        }

        @Test
        void survives_the_round_trip_through_its_bytes() {
            final SignaturePolicy copy = SignaturePolicy.fromBytes(policy.envelope().toByteString());
            assertThat(copy.toString()).isEqualTo(REGULATOR_AND_ONE.replace("OutOf(1, ", "OR("));
            assertThat(copy.isSatisfiedBy(List.of(peer("ShenDistMSP"), peer("ShanghaiMpaMSP")))).isTrue();
            assertThat(copy.isSatisfiedBy(List.of(peer("ShenDistMSP"), peer("ColdLinkMSP")))).isFalse();
        }
    }

    @Nested
    class TheMajorityPolicy {
        private final SignaturePolicy policy = SignaturePolicy.parse(MAJORITY);

        @Test
        void needs_five_distinct_peers() {
            final List<PolicyIdentity> peers = new ArrayList<>();
            for (final String msp : List.of("ShanghaiMpaMSP", "HuaxiaVaccineMSP", "BencaoHerbalMSP", "ShenDistMSP")) {
                peers.add(peer(msp));
            }
            assertThat(policy.isSatisfiedBy(peers)).isFalse();
            peers.add(peer("HuaxiaVaccineMSP"));
            assertThat(policy.isSatisfiedBy(peers)).isFalse();
            peers.add(new PolicyIdentity("second-huaxia-peer", "HuaxiaVaccineMSP", MSPRoleType.PEER));
            assertThat(policy.isSatisfiedBy(peers)).as("a second peer of one organisation fills no other's place")
                    .isFalse();
            peers.add(peer("RenjiHospitalMSP"));
            assertThat(policy.isSatisfiedBy(peers)).isTrue();
        }
    }

    @Nested
    class Evaluation {
        @Test
        void member_matches_every_role_of_the_organisation() {
            final SignaturePolicy policy = SignaturePolicy.parse("OR('ShenDistMSP.member')");
            assertThat(policy.isSatisfiedBy(List.of(client("ShenDistMSP", "a")))).isTrue();
            assertThat(policy.isSatisfiedBy(List.of(peer("ShenDistMSP")))).isTrue();
            assertThat(policy.isSatisfiedBy(List.of(peer("ColdLinkMSP")))).isFalse();
        }

        @Test
        void admin_and_client_match_only_their_node_ou() {
            final SignaturePolicy admin = SignaturePolicy.parse("'ShenDistMSP.admin'");
            assertThat(admin.isSatisfiedBy(List.of(client("ShenDistMSP", "a"), peer("ShenDistMSP")))).isFalse();
            assertThat(admin.isSatisfiedBy(List.of(new PolicyIdentity("adm", "ShenDistMSP", MSPRoleType.ADMIN))))
                    .isTrue();
            assertThat(SignaturePolicy.parse("'ShenDistMSP.client'").isSatisfiedBy(List.of(client("ShenDistMSP",
                    "a")))).isTrue();
        }

        @Test
        void a_signer_satisfies_at_most_one_principal() {
            final SignaturePolicy policy = SignaturePolicy.parse("AND('A.member', 'A.peer')");
            assertThat(policy.isSatisfiedBy(List.of(peer("A")))).isFalse();
            assertThat(policy.isSatisfiedBy(List.of(client("A", "c"), peer("A")))).isTrue();
        }

        @Test
        void assigns_signers_greedily_in_policy_order_as_cauthdsl() {
            // The member principal takes the first signer (the peer), so the peer principal finds none left:
            // cauthdsl does not search for another assignment, and neither does this.
            final SignaturePolicy policy = SignaturePolicy.parse("AND('A.member', 'A.peer')");
            assertThat(policy.isSatisfiedBy(List.of(peer("A"), client("A", "c")))).isFalse();
            assertThat(policy.isSatisfiedBy(List.of(client("A", "c"), peer("A")))).isTrue();
        }

        @Test
        void a_failed_branch_gives_its_signers_back() {
            final SignaturePolicy policy = SignaturePolicy.parse("OR(AND('A.peer', 'B.peer'), AND('A.peer', 'C.peer'))");
            assertThat(policy.isSatisfiedBy(List.of(peer("A"), peer("C")))).isTrue();
        }

        @Test
        void no_signers_satisfy_nothing() {
            assertThat(SignaturePolicy.parse("OR('A.member')").isSatisfiedBy(List.of())).isFalse();
        }
    }

    @Nested
    class Syntax {
        @Test
        void accepts_lower_case_operators_double_quotes_and_spacing() {
            final SignaturePolicy policy = SignaturePolicy.parse(" and ( \"A.peer\" ,outof(1,'B.peer',\"C.peer\") ) ");
            assertThat(policy.toString()).isEqualTo("AND('A.peer', OR('B.peer', 'C.peer'))");
        }

        @Test
        void reuses_the_identity_of_a_repeated_principal() {
            assertThat(SignaturePolicy.parse("OR('A.peer', AND('A.peer', 'B.peer'))").envelope().getIdentitiesCount())
                    .isEqualTo(2);
        }

        @Test
        void refuses_an_unquoted_principal() {
            assertThatThrownBy(() -> SignaturePolicy.parse("AND(A.peer, 'B.peer')"))
                    .isInstanceOf(PolicySyntaxException.class)
                    .hasMessageContaining("position 4").hasMessageContaining("unknown operator 'A'");
        }

        @Test
        void refuses_an_unknown_role() {
            assertThatThrownBy(() -> SignaturePolicy.parse("OR('A.peers')"))
                    .hasMessageContaining("'A.peers' is not a principal MSP.role");
        }

        @Test
        void refuses_an_unknown_operator() {
            assertThatThrownBy(() -> SignaturePolicy.parse("XOR('A.peer')")).isInstanceOf(PolicySyntaxException.class)
                    .hasMessageContaining("unknown operator 'XOR'");
        }

        @Test
        void refuses_out_of_with_n_beyond_its_arguments_or_zero() {
            assertThatThrownBy(() -> SignaturePolicy.parse("OutOf(3, 'A.peer', 'B.peer')"))
                    .hasMessageContaining("OutOf(3, ...) needs 1 <= n <= its 2 argument(s)");
            assertThatThrownBy(() -> SignaturePolicy.parse("OutOf(0, 'A.peer')")).hasMessageContaining("1 <= n");
            assertThatThrownBy(() -> SignaturePolicy.parse("OutOf('A.peer')"))
                    .hasMessageContaining("OutOf needs a whole number");
        }

        @Test
        void refuses_empty_and_unbalanced_texts() {
            assertThatThrownBy(() -> SignaturePolicy.parse("  ")).hasMessageContaining("the policy is empty");
            assertThatThrownBy(() -> SignaturePolicy.parse("AND()")).hasMessageContaining("AND needs at least one");
            assertThatThrownBy(() -> SignaturePolicy.parse("AND('A.peer',)")).hasMessageContaining("after ','");
            assertThatThrownBy(() -> SignaturePolicy.parse("AND('A.peer'")).hasMessageContaining("policy ends");
            assertThatThrownBy(() -> SignaturePolicy.parse("AND('A.peer'))")).hasMessageContaining("after the end");
            assertThatThrownBy(() -> SignaturePolicy.parse("OR('A.peer)")).hasMessageContaining("unterminated");
        }

        @Test
        void refuses_nesting_beyond_the_limit() {
            final String deep = "OR(".repeat(SignaturePolicy.DEPTH_MAX + 1) + "'A.peer'"
                    + ")".repeat(SignaturePolicy.DEPTH_MAX + 1);
            assertThatThrownBy(() -> SignaturePolicy.parse(deep)).hasMessageContaining("nested deeper than");
        }
    }

    @Nested
    class Envelopes {
        @Test
        void refuses_principals_other_than_roles() {
            final SignaturePolicyEnvelope envelope = SignaturePolicy.parse("'A.peer'").envelope().toBuilder()
                    .setIdentities(0, MSPPrincipal.newBuilder()
                            .setPrincipalClassification(MSPPrincipal.Classification.IDENTITY)).build();
            assertThatThrownBy(() -> SignaturePolicy.fromEnvelope(envelope))
                    .hasMessageContaining("unsupported principal classification IDENTITY");
        }

        @Test
        void refuses_bytes_that_are_no_envelope_and_a_missing_identity() {
            assertThatThrownBy(() -> SignaturePolicy.fromBytes(com.google.protobuf.ByteString.copyFromUtf8("policy")))
                    .isInstanceOf(IllegalArgumentException.class);
            final SignaturePolicyEnvelope dangling = SignaturePolicyEnvelope.newBuilder().setRule(
                    org.hyperledger.fabric.protos.common.SignaturePolicy.newBuilder().setSignedBy(3)).build();
            assertThatThrownBy(() -> SignaturePolicy.fromEnvelope(dangling)).hasMessageContaining("identity 3 of 0");
        }
    }

    private static MSPRole role(final MSPPrincipal principal) {
        try {
            return MSPRole.parseFrom(principal.getPrincipal());
        } catch (final com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
