// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.network.fabric.YamlPath.list;
import static org.medtrace.network.fabric.YamlPath.map;
import static org.medtrace.network.fabric.YamlPath.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medtrace.network.fabric.NetworkTables.Organization;

class FabricCaConfigTest {

    /** scripts/up.sh puts a random password here; no password is ever committed. */
    private static final String PASSWORD_PLACEHOLDER = "@BOOTSTRAP_ADMIN_PASSWORD@";

    static Stream<Organization> organizations() {
        return NetworkTables.load().organizations().stream();
    }

    private static Map<String, Object> configOf(Organization organization) {
        return NetworkFiles.yaml(NetworkFiles.CONFIG.resolve("ca").resolve(organization.key())
                .resolve("fabric-ca-server-config.yaml"));
    }

    @Test
    void there_is_one_configuration_per_organisation_and_no_other() throws IOException {
        try (Stream<Path> dirs = Files.list(NetworkFiles.CONFIG.resolve("ca"))) {
            assertThat(dirs.map(dir -> dir.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(organizations().map(Organization::key).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("organizations")
    void it_listens_on_loopback_on_the_organisations_ports_with_tls(Organization organization) {
        Map<String, Object> config = configOf(organization);

        assertThat(string(config, "address")).isEqualTo("127.0.0.1");
        assertThat(config.get("port")).isEqualTo(organization.caPort());
        assertThat(string(config, "operations", "listenAddress"))
                .isEqualTo("127.0.0.1:" + organization.caOperationsPort());
        assertThat(map(config, "tls")).containsEntry("enabled", true);
    }

    @ParameterizedTest
    @MethodSource("organizations")
    void its_ca_is_named_for_the_organisation_and_its_certificate_names_the_loopback_address(Organization organization) {
        Map<String, Object> config = configOf(organization);

        assertThat(string(config, "ca", "name")).isEqualTo("ca-" + organization.key());
        assertThat(string(config, "csr", "cn")).isEqualTo("ca." + organization.domain());
        assertThat(list(config, "csr", "hosts")).contains("127.0.0.1", "localhost");
    }

    @ParameterizedTest
    @MethodSource("organizations")
    void its_registrar_may_give_only_the_role_attribute_and_has_no_committed_password(Organization organization) {
        List<Object> identities = list(configOf(organization), "registry", "identities");

        assertThat(identities).hasSize(1);
        Object registrar = identities.get(0);
        assertThat(string(registrar, "pass")).isEqualTo(PASSWORD_PLACEHOLDER);
        Map<String, Object> attributes = map(registrar, "attrs");
        assertThat(attributes).containsEntry("hf.Registrar.Attributes", "role")
                .containsEntry("hf.IntermediateCA", false).containsEntry("hf.AffiliationMgr", false);
        String nodeType = organization.isPeerOrganization() ? "peer" : "orderer";
        assertThat(List.of(string(attributes, "hf.Registrar.Roles").split(",")))
                .containsExactlyInAnyOrder(nodeType, "admin", "client");
    }

    @ParameterizedTest
    @MethodSource("organizations")
    void it_issues_tls_certificates_for_servers_and_clients_and_no_affiliation_ous(Organization organization) {
        Map<String, Object> config = configOf(organization);

        assertThat(list(config, "signing", "profiles", "tls", "usage")).contains("server auth", "client auth");
        // An affiliation becomes a certificate OU; one named like a node type makes Fabric's MSP refuse the identity.
        assertThat(map(config, "affiliations")).isEmpty();
    }
}
