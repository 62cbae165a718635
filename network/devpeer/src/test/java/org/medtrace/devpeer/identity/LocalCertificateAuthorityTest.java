// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.devpeer.EnrolledIdentity;

/** The organisations' CAs: fabric-ca-shaped certificates that survive restarts. */
class LocalCertificateAuthorityTest {
    @Test
    void enrolment_is_idempotent_and_survives_reopening() throws Exception {
        final Path dir = directory();
        final LocalCertificateAuthority ca = LocalCertificateAuthority.open(dir, List.of("AMSP", "BMSP"));
        final EnrolledIdentity first = ca.enroll("AMSP", "alice", "manufacturer");
        final byte[] certificate = Files.readAllBytes(first.certificatePem());
        final LocalCertificateAuthority reopened = LocalCertificateAuthority.open(dir, List.of("AMSP", "BMSP"));
        assertThat(Files.readAllBytes(reopened.enroll("AMSP", "alice", "manufacturer").certificatePem()))
                .isEqualTo(certificate);
        assertThat(Files.readAllBytes(reopened.caCertificate("AMSP")))
                .isEqualTo(Files.readAllBytes(ca.caCertificate("AMSP")));
    }

    @Test
    void certificates_carry_the_role_attribute_and_chain_to_their_msp_only() throws Exception {
        final LocalCertificateAuthority ca = LocalCertificateAuthority.open(directory(), List.of("AMSP", "BMSP"));
        final X509Certificate cert = Pem.readCertificate(ca.enroll("AMSP", "bob", "regulator").certificatePem());
        assertThat(LocalCertificateAuthority.roleOf(cert)).isEqualTo("regulator");
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("O=AMSP,OU=client,CN=bob");
        cert.verify(ca.roots().get("AMSP").getPublicKey());
        assertThatThrownBy(() -> cert.verify(ca.roots().get("BMSP").getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
    }

    @Test
    void bad_requests_are_refused_and_write_nothing() throws Exception {
        final Path dir = directory();
        final LocalCertificateAuthority ca = LocalCertificateAuthority.open(dir, List.of("AMSP"));
        ca.enroll("AMSP", "carol", "dispenser");
        assertThatThrownBy(() -> ca.enroll("AMSP", "carol", "regulator")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enrolled with role dispenser");
        assertThatThrownBy(() -> ca.enroll("ZMSP", "dave", "regulator")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown organisation");
        assertThatThrownBy(() -> ca.enroll("AMSP", "../escape", "regulator"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(dir.resolve("ZMSP"))).isFalse();
        assertThat(Files.exists(dir.resolve("escape"))).isFalse();
    }

    private static Path directory() throws Exception {
        final Path root = Path.of(System.getProperty("devpeer.test.dir", "target/test-data"));
        return Files.createDirectories(root.resolve("ca-" + System.nanoTime()));
    }
}
