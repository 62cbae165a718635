// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medtrace.network.fabric.YamlPath.list;
import static org.medtrace.network.fabric.YamlPath.map;
import static org.medtrace.network.fabric.YamlPath.string;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Node;
import org.medtrace.network.fabric.NetworkTables.Organization;

/**
 * scripts/profiles.sh against a network directory laid out as scripts/up.sh leaves it. fabric-ca cannot run in CI,
 * so the enrolled identities are certificates of the same shape made by {@link TestCertificates}.
 */
class GatewayProfileTest {

    /** Quarkus' own key: every organisation's gateway can run on one machine. */
    private static final String HTTP_PORT = "quarkus.http.port";
    private static final String OPTIONAL_KEYS_HEADING = "## Optional keys";
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("^(medtrace\\.[a-z0-9.<>-]+)=", Pattern.MULTILINE);

    private final NetworkTables tables = NetworkTables.load();
    private final ChaincodeApiDoc doc = ChaincodeApiDoc.load();
    private Path network;

    @BeforeEach
    void lay_out_an_enrolled_network() throws IOException {
        Shell.assumeBash();
        network = NetworkFiles.scratch("profiles").resolve("network");
        Files.createDirectories(network);
        Files.writeString(network.resolve("crypto-mode"), "ca\n");
        for (Organization organization : tables.peerOrganizations()) {
            TestCertificates certificates = new TestCertificates("ca." + organization.domain());
            Path tlsCa = organizationDir(organization).resolve("peers/" + tables.peerOf(organization).fqdn() + "/tls/ca.crt");
            Files.createDirectories(tlsCa.getParent());
            Files.writeString(tlsCa, certificates.caCertificatePem());
            certificates.writeIdentity(userDir(organization, "Admin").resolve("msp"), "Admin", Optional.empty());
            for (String role : organization.roles()) {
                Path user = userDir(organization, organization.key() + "-" + role);
                certificates.writeIdentity(user.resolve("msp"), organization.key() + "-" + role, Optional.of(role));
                Files.writeString(user.resolve("role"), role + "\n");
            }
        }
    }

    @Test
    void every_key_is_one_the_gateway_documents_and_every_documented_key_is_there() {
        profiles().assertSucceeded();
        List<Pattern> documented = documentedKeys(false);
        List<Pattern> required = documentedKeys(true);

        for (Organization organization : tables.peerOrganizations()) {
            Properties profile = profile(organization);
            for (String key : profile.stringPropertyNames()) {
                assertThat(key.equals(HTTP_PORT) || documented.stream().anyMatch(p -> p.matcher(key).matches()))
                        .as(organization.key() + ": " + key + " is not in docs/configuration.md").isTrue();
            }
            for (Pattern pattern : required) {
                assertThat(profile.stringPropertyNames()).as(organization.key() + " lacks " + pattern)
                        .anyMatch(key -> pattern.matcher(key).matches());
            }
        }
    }

    @Test
    void each_profile_connects_to_its_organisations_peer_over_tls_on_the_documented_channel_and_chaincode() {
        profiles().assertSucceeded();
        Map<String, Object> configtx = NetworkFiles.yaml(NetworkFiles.CONFIG.resolve("configtx.yaml"));
        for (Object configtxOrganization : list(configtx, "Profiles", "MedtraceChannel", "Application", "Organizations")) {
            Organization organization = tables.byMspId(string(configtxOrganization, "ID"));
            Node peer = tables.peerOf(organization);
            Object anchor = list(configtxOrganization, "AnchorPeers").get(0);
            Properties profile = profile(organization);

            assertThat(profile.getProperty("medtrace.ledger.mode")).isEqualTo("fabric");
            assertThat(profile.getProperty("medtrace.ledger.channel")).isEqualTo(doc.channel());
            assertThat(profile.getProperty("medtrace.ledger.chaincode")).isEqualTo(doc.chaincode());
            assertThat(profile.getProperty("medtrace.ledger.peer-endpoint"))
                    .isEqualTo(string(anchor, "Host") + ":" + string(anchor, "Port"));
            assertThat(profile.getProperty("medtrace.ledger.tls-server-name")).isEqualTo(peer.fqdn());
            assertThat(Path.of(profile.getProperty("medtrace.ledger.tls-ca-certificate")))
                    .isEqualTo(organizationDir(organization).resolve("peers/" + peer.fqdn() + "/tls/ca.crt"));
            assertThat(profile.getProperty(HTTP_PORT)).isEqualTo(String.valueOf(peer.gatewayHttpPort().orElseThrow()));
        }
    }

    @Test
    void the_tls_server_name_is_a_host_name_cryptogen_certifies() {
        profiles().assertSucceeded();
        Map<String, Object> cryptoConfig = NetworkFiles.yaml(NetworkFiles.CONFIG.resolve("crypto-config.yaml"));
        List<String> certified = list(cryptoConfig, "PeerOrgs").stream()
                .flatMap(o -> list(o, "Specs").stream().map(s -> string(s, "Hostname") + "." + string(o, "Domain")))
                .toList();

        for (Organization organization : tables.peerOrganizations()) {
            assertThat(certified).contains(profile(organization).getProperty("medtrace.ledger.tls-server-name"));
        }
    }

    @Test
    void each_profile_signs_with_one_identity_per_role_of_its_organisation_and_never_the_admin() {
        profiles().assertSucceeded();
        for (Organization organization : tables.peerOrganizations()) {
            Properties profile = profile(organization);
            Map<String, String> roles = identities(profile, "role");

            assertThat(roles).isEqualTo(organization.roles().stream()
                    .collect(Collectors.toMap(role -> organization.key() + "-" + role, role -> role)));
            assertThat(identities(profile, "msp-id").values()).containsOnly(organization.mspId());
            for (String name : roles.keySet()) {
                Path user = userDir(organization, name).resolve("msp");
                assertThat(Path.of(identities(profile, "certificate").get(name))).isEqualTo(user.resolve("signcerts/cert.pem"));
                assertThat(Path.of(identities(profile, "private-key").get(name))).hasParent(user.resolve("keystore")).exists();
            }
        }
    }

    @Test
    void each_identity_has_a_rest_client_whose_secret_is_kept_private_and_survives_a_rerun() throws IOException {
        profiles().assertSucceeded();
        Organization organization = tables.peerOrganizations().get(0);
        Properties first = profile(organization);
        Path secretsFile = network.resolve("gateway/" + organization.key() + ".secrets");
        Properties secrets = load(secretsFile);

        profiles().assertSucceeded();

        assertThat(profile(organization)).isEqualTo(first);
        if (Files.getFileStore(secretsFile).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsFile))).isEqualTo("rw-------");
        }
        for (String client : identities(first, "role").keySet()) {
            assertThat(first.getProperty("medtrace.auth.clients." + client + ".identity")).isEqualTo(client);
            assertThat(first.getProperty("medtrace.auth.clients." + client + ".secret-sha256"))
                    .isEqualTo(sha256Hex(secrets.getProperty(client)));
            assertThat(secrets.getProperty(client)).hasSizeGreaterThanOrEqualTo(32);
        }
    }

    @Test
    void a_user_whose_certificate_lacks_the_role_attribute_is_refused_and_no_profile_is_written() {
        assumeTrue(Shell.find("openssl").isPresent(), "openssl is not installed: profiles.sh cannot read certificates");
        Organization organization = tables.peerOrganizations().get(0);
        new TestCertificates("elsewhere").writeIdentity(userDir(organization, "norole").resolve("msp"), "norole",
                Optional.empty());

        Shell.Result result = profiles(organization.key());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("norole@" + organization.domain()).contains("has no role attribute");
        assertThat(network.resolve("gateway/" + organization.key() + ".properties")).doesNotExist();
    }

    @Test
    void a_missing_peer_tls_root_is_named() throws IOException {
        Organization organization = tables.peerOrganizations().get(1);
        Path tlsCa = organizationDir(organization).resolve("peers/" + tables.peerOf(organization).fqdn() + "/tls/ca.crt");
        Files.delete(tlsCa);

        Shell.Result result = profiles(organization.key());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("missing " + tlsCa);
        assertThat(network.resolve("gateway/" + organization.key() + ".properties")).doesNotExist();
    }

    private Shell.Result profiles(String... organizations) {
        String[] command = new String[organizations.length + 2];
        command[0] = "bash";
        command[1] = NetworkFiles.SCRIPTS.resolve("profiles.sh").toString();
        System.arraycopy(organizations, 0, command, 2, organizations.length);
        return Shell.run(Map.of("MEDTRACE_NETWORK_DIR", network.toString()), command);
    }

    private Path organizationDir(Organization organization) {
        return network.resolve("organizations/peerOrganizations/" + organization.domain());
    }

    private Path userDir(Organization organization, String name) {
        return organizationDir(organization).resolve("users/" + name + "@" + organization.domain());
    }

    private Properties profile(Organization organization) {
        return load(network.resolve("gateway/" + organization.key() + ".properties"));
    }

    /** identity name -> value of medtrace.ledger.identities.<name>.<field>. */
    private static Map<String, String> identities(Properties profile, String field) {
        Pattern key = Pattern.compile("medtrace\\.ledger\\.identities\\.([^.]+)\\." + Pattern.quote(field));
        return profile.stringPropertyNames().stream().map(key::matcher).filter(java.util.regex.Matcher::matches)
                .collect(Collectors.toMap(m -> m.group(1), m -> profile.getProperty(m.group())));
    }

    /** The keys of docs/configuration.md, with <placeholders> matching one key segment. */
    /**
     * @param requiredOnly only the keys of the section every deployment sets, before the optional keys' heading
     */
    private static List<Pattern> documentedKeys(final boolean requiredOnly) {
        String doc = NetworkFiles.read(NetworkFiles.DOCS.resolve("configuration.md"));
        if (requiredOnly) {
            int optional = doc.indexOf(OPTIONAL_KEYS_HEADING);
            assertThat(optional).as("'" + OPTIONAL_KEYS_HEADING + "' in docs/configuration.md").isPositive();
            doc = doc.substring(0, optional);
        }
        List<Pattern> keys = DOCUMENTED_KEY.matcher(doc).results()
                .map(m -> Pattern.compile(Pattern.quote(m.group(1)).replaceAll("<[a-z-]+>", "\\\\E[^.]+\\\\Q")))
                .toList();
        assertThat(keys).as("keys in docs/configuration.md").hasSizeGreaterThan(10);
        return keys;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
