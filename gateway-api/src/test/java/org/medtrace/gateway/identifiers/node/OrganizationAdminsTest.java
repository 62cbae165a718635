// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.auth.Caller;

/** The organisations' prefix administrators as configured, and the start-up refusals of a wrong configuration. */
class OrganizationAdminsTest {

    private static final String HUAXIA = "HuaxiaVaccineMSP";
    private static final String COLDLINK = "ColdLinkMSP";
    private static final Map<String, Caller> CLIENTS = Map.of(
            "huaxia", new Caller("huaxia", "huaxia", HUAXIA, "manufacturer"),
            "huaxia-clerk", new Caller("huaxia-clerk", "huaxia-clerk", HUAXIA, "manufacturer"),
            "coldlink", new Caller("coldlink", "coldlink", COLDLINK, "logistics"),
            "coldlink-logger", new Caller("coldlink-logger", "coldlink-logger", COLDLINK, "logger"));
    private static final Function<String, Optional<Caller>> LOOKUP = id -> Optional.ofNullable(CLIENTS.get(id));
    private static final Set<String> SERVED = Set.of("88.118.8866", "88.118.7777");

    private static OrganizationAdmins admins(final Map<String, OrganizationAdmins.Organization> organizations) {
        return OrganizationAdmins.of(organizations, LOOKUP, SERVED::contains);
    }

    @Test
    void only_the_named_clients_administer_their_organisations_prefixes() {
        final OrganizationAdmins admins = admins(Map.of(
                HUAXIA, new OrganizationAdmins.Organization(List.of(" 88.118.8866"), List.of("huaxia")),
                COLDLINK, new OrganizationAdmins.Organization(List.of("88.118.7777"), List.of("coldlink"))));
        assertThat(admins.administrator(CLIENTS.get("huaxia")).prefixes()).containsExactly("88.118.8866");
        assertThat(admins.administrator(CLIENTS.get("coldlink")).prefixes()).containsExactly("88.118.7777");
        assertThat(admins.administrator(CLIENTS.get("huaxia-clerk")).prefixes()).isEmpty();
        assertThat(admins.administrator(CLIENTS.get("coldlink-logger")).prefixes()).isEmpty();
        assertThat(admins.administrator(CLIENTS.get("coldlink-logger")).name())
                .isEqualTo("client coldlink-logger (ColdLinkMSP)");
    }

    @Test
    void an_unknown_client_fails_the_start() {
        assertThatThrownBy(() -> admins(Map.of(HUAXIA, new OrganizationAdmins.Organization(List.of("88.118.8866"),
                List.of("nobody"))))).isInstanceOf(IllegalStateException.class).hasMessage(
                        "medtrace.identifiers.node.organizations.HuaxiaVaccineMSP.administrators names nobody, which"
                                + " is no client of this gateway");
    }

    @Test
    void a_client_of_another_organisation_fails_the_start() {
        assertThatThrownBy(() -> admins(Map.of(HUAXIA, new OrganizationAdmins.Organization(List.of("88.118.8866"),
                List.of("coldlink"))))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names coldlink, a client of ColdLinkMSP");
    }

    @Test
    void a_logger_identity_fails_the_start() {
        assertThatThrownBy(() -> admins(Map.of(COLDLINK, new OrganizationAdmins.Organization(List.of("88.118.7777"),
                List.of("coldlink-logger"))))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names coldlink-logger, a logger identity");
    }

    @Test
    void a_prefix_not_served_or_owned_twice_fails_the_start() {
        assertThatThrownBy(() -> admins(Map.of(HUAXIA, new OrganizationAdmins.Organization(List.of("88.999"),
                List.of("huaxia"))))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names 88.999, which this node does not serve");
        assertThatThrownBy(() -> admins(Map.of(
                HUAXIA, new OrganizationAdmins.Organization(List.of("88.118.8866"), List.of("huaxia")),
                COLDLINK, new OrganizationAdmins.Organization(List.of("88.118.8866"), List.of("coldlink")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("owns already");
    }
}
