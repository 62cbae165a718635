// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Node;
import org.medtrace.network.fabric.NetworkTables.Organization;

/** The chaincode-as-a-service package the package phase built, read as a Fabric 2.5 peer reads it. */
class CcaasPackageIT {

    private static final Path PACKAGE = NetworkFiles.TARGET.resolve("traceability-ccaas.tar.gz");
    /** The peer's rule for labels (core/chaincode/persistence). */
    private static final String FABRIC_LABEL = "^[\\p{Alnum}][\\p{Alnum}_.+-]*$";
    /** The fields a peer reads from connection.json. */
    private static final Set<String> CONNECTION_FIELDS = Set.of("address", "dial_timeout", "tls_required",
            "client_auth_required", "root_cert", "client_key", "client_cert");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label = System.getProperty("ccaas.label");

    @Test
    void the_package_holds_metadata_and_code_as_the_only_entries_regular_files_at_the_root() throws IOException {
        Map<String, TarArchiveEntry> entries = entries(Files.readAllBytes(PACKAGE));

        assertThat(entries.keySet()).containsExactly("metadata.json", "code.tar.gz");
        assertThat(entries.values()).allMatch(TarArchiveEntry::isFile, "regular file");
    }

    @Test
    void the_metadata_says_ccaas_with_the_versioned_label_fabric_accepts() throws IOException {
        Map<?, ?> metadata = JSON.readValue(file(Files.readAllBytes(PACKAGE), "metadata.json"), Map.class);

        assertThat(label).startsWith("traceability_").matches(FABRIC_LABEL);
        assertThat(metadata).isEqualTo(Map.of("type", "ccaas", "label", label));
    }

    @Test
    void the_code_is_only_a_connection_json_whose_address_each_peer_fills_in() throws IOException {
        byte[] code = file(Files.readAllBytes(PACKAGE), "code.tar.gz");
        Map<String, TarArchiveEntry> entries = entries(code);
        Map<?, ?> connection = JSON.readValue(file(code, "connection.json"), Map.class);

        assertThat(entries.keySet()).containsExactly("connection.json");
        assertThat(entries.get("connection.json").getMode() & 0444).as("readable").isEqualTo(0444);
        assertThat(CONNECTION_FIELDS).containsAll(connection.keySet().stream().map(String::valueOf).toList());
        assertThat(connection.get("address")).isEqualTo("{{.chaincodeAddress}}");
        assertThat(String.valueOf(connection.get("dial_timeout"))).matches("\\d+(ms|s|m)");
        assertThat(connection.get("tls_required")).isEqualTo(false);
    }

    @Test
    void every_entry_carries_the_fixed_build_time_so_the_package_id_is_the_same_on_every_build() throws IOException {
        Instant fixed = Instant.parse(System.getProperty("ccaas.outputTimestamp"));
        byte[] pkg = Files.readAllBytes(PACKAGE);

        assertThat(entries(pkg).values()).allMatch(e -> e.getModTime().toInstant().equals(fixed));
        assertThat(entries(file(pkg, "code.tar.gz")).values()).allMatch(e -> e.getModTime().toInstant().equals(fixed));
    }

    @Test
    void package_id_sh_computes_the_label_and_the_sha256_of_the_package_as_a_peer_does() throws IOException {
        Shell.assumeBash();

        Shell.Result result = Shell.run(Map.of(), "bash", NetworkFiles.SCRIPTS.resolve("package-id.sh").toString(),
                PACKAGE.toString()).assertSucceeded();

        assertThat(result.stdout().trim()).isEqualTo(label + ":" + sha256Hex(Files.readAllBytes(PACKAGE)));
    }

    @Test
    void package_id_sh_refuses_a_file_that_is_not_a_chaincode_package() throws IOException {
        Shell.assumeBash();
        Path notAPackage = Files.writeString(NetworkFiles.scratch("not-a-package").resolve("x.tar.gz"), "nope");

        Shell.Result result = Shell.run(Map.of(), "bash", NetworkFiles.SCRIPTS.resolve("package-id.sh").toString(),
                notAPackage.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("not a chaincode package");
    }

    @Test
    void the_builder_releases_each_peers_own_chaincode_server_address() throws IOException {
        Shell.assumeBash();
        for (Organization organization : NetworkTables.load().peerOrganizations()) {
            Node peer = NetworkTables.load().peerOf(organization);
            String address = peer.host() + ":" + peer.chaincodeServerPort().orElseThrow();
            Path work = unpack("builder-" + organization.key());

            run("detect", Map.of(), work.resolve("src"), work.resolve("metadata")).assertSucceeded();
            run("build", Map.of("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG", "{\"chaincodeAddress\":\"" + address + "\"}"),
                    work.resolve("src"), work.resolve("metadata"), work.resolve("build")).assertSucceeded();
            run("release", Map.of(), work.resolve("build"), work.resolve("release")).assertSucceeded();

            Map<?, ?> released = JSON.readValue(work.resolve("release/chaincode/server/connection.json").toFile(), Map.class);
            assertThat(released).isEqualTo(Map.of("address", address, "dial_timeout", "10s", "tls_required", false));
        }
    }

    @Test
    void the_builder_refuses_a_template_value_nobody_fills() throws IOException {
        Shell.assumeBash();
        Path work = unpack("builder-unfilled");

        Shell.Result result = run("build", Map.of("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG", "{\"other\":\"x\"}"),
                work.resolve("src"), work.resolve("metadata"), work.resolve("build"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("does not fill");
        assertThat(work.resolve("build/connection.json")).doesNotExist();
    }

    @Test
    void the_builder_leaves_other_packages_to_other_builders() throws IOException {
        Shell.assumeBash();
        Path work = unpack("builder-other");
        Files.writeString(work.resolve("metadata/metadata.json"), "{\"type\":\"java\",\"label\":\"x_1\",\"path\":\"\"}");

        assertThat(run("detect", Map.of(), work.resolve("src"), work.resolve("metadata")).exitCode()).isEqualTo(1);
    }

    /** The package as a peer hands it to a builder: code.tar.gz unpacked in src/, metadata.json in metadata/. */
    private static Path unpack(String name) throws IOException {
        Path work = NetworkFiles.scratch(name);
        byte[] pkg = Files.readAllBytes(PACKAGE);
        Files.createDirectories(work.resolve("src"));
        Files.createDirectories(work.resolve("metadata"));
        Files.write(work.resolve("metadata/metadata.json"), file(pkg, "metadata.json"));
        Files.write(work.resolve("src/connection.json"), file(file(pkg, "code.tar.gz"), "connection.json"));
        return work;
    }

    private static Shell.Result run(String step, Map<String, String> environment, Path... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = NetworkFiles.BUILDER.resolve(step).toString();
        for (int i = 0; i < arguments.length; i++) {
            command[i + 1] = arguments[i].toString();
        }
        return Shell.run(environment, command);
    }

    private static Map<String, TarArchiveEntry> entries(byte[] tarGz) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = tar(tarGz)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                assertThat(entries.put(entry.getName(), entry)).as("duplicate " + entry.getName()).isNull();
            }
        }
        return entries;
    }

    private static byte[] file(byte[] tarGz, String name) throws IOException {
        try (TarArchiveInputStream tar = tar(tarGz)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the archive");
    }

    private static TarArchiveInputStream tar(byte[] tarGz) throws IOException {
        InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(tarGz));
        return new TarArchiveInputStream(gzip, StandardCharsets.UTF_8.name());
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
