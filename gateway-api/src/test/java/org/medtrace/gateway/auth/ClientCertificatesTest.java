// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medtrace.devpeer.EnrolledIdentity;
import org.medtrace.devpeer.identity.LocalCertificateAuthority;
import org.medtrace.devpeer.identity.Pem;
import org.medtrace.gateway.ledger.LedgerIdentity;

/**
 * Certificate to caller with the dev peer's real organisation CAs: only a certificate signed by the CA configured for
 * the named identity's own organisation, within its validity, authenticates, and it acts as that identity with its
 * role.
 */
class ClientCertificatesTest {

    private static final String HUAXIA = "HuaxiaVaccineMSP";
    private static final String MPA = "ShanghaiMpaMSP";
    private static final String PARTNER = "PartnerMSP";

    private static LocalCertificateAuthority cas;
    private static LocalCertificateAuthority foreign;
    private static ClientCertificates certificates;
    private static Path root;

    @BeforeAll
    static void organisations() {
        root = Path.of("target", "test-data", "client-certificates-" + System.nanoTime()).toAbsolutePath();
        cas = LocalCertificateAuthority.open(root.resolve("organizations"), List.of(HUAXIA, MPA));
        // the same MSP id, hence the same CA subject DN, but another key
        foreign = LocalCertificateAuthority.open(root.resolve("foreign"), List.of(HUAXIA));
        final List<LedgerIdentity> identities = List.of(identity(cas.enroll(HUAXIA, "huaxia", "manufacturer")),
                identity(cas.enroll(MPA, "shanghai-mpa", "regulator")));
        certificates = new ClientCertificates(cas.roots(), identities);
    }

    private static LedgerIdentity identity(final EnrolledIdentity enrolled) {
        return new LedgerIdentity(enrolled.name(), enrolled.mspId(), enrolled.role(), enrolled.certificatePem(),
                enrolled.privateKeyPem());
    }

    private static X509Certificate certificate(final EnrolledIdentity enrolled) throws Exception {
        return Pem.readCertificate(enrolled.certificatePem());
    }

    @Test
    void the_certificate_of_a_ledger_identity_acts_as_it_with_its_role() throws Exception {
        final ClientCertificates.Outcome outcome = certificates.authenticate(
                certificate(cas.enroll(HUAXIA, "huaxia", "manufacturer")), Instant.now());
        assertThat(outcome.accepted()).contains(new Caller("huaxia", "huaxia", HUAXIA, "manufacturer"));
        assertThat(certificates.authenticate(certificate(cas.enroll(MPA, "shanghai-mpa", "regulator")), Instant.now())
                .accepted()).contains(new Caller("shanghai-mpa", "shanghai-mpa", MPA, "regulator"));
    }

    @Test
    void a_certificate_of_another_organisations_ca_naming_the_regulator_is_refused() throws Exception {
        final ClientCertificates.Outcome outcome = certificates.authenticate(
                certificate(cas.enroll(HUAXIA, "shanghai-mpa", "regulator")), Instant.now());
        assertThat(outcome.accepted()).isEmpty();
        assertThat(outcome.refusal()).startsWith("no such identity").contains("shanghai-mpa", HUAXIA);
    }

    @Test
    void a_certificate_of_the_right_ca_with_an_unknown_name_is_refused() throws Exception {
        final ClientCertificates.Outcome outcome = certificates.authenticate(
                certificate(cas.enroll(HUAXIA, "stranger", "manufacturer")), Instant.now());
        assertThat(outcome.accepted()).isEmpty();
        assertThat(outcome.refusal()).isEqualTo("no such identity: no ledger identity named stranger in organisation "
                + HUAXIA);
    }

    @Test
    void a_certificate_from_a_foreign_ca_with_the_same_subject_is_refused() throws Exception {
        final X509Certificate impostor = certificate(foreign.enroll(HUAXIA, "huaxia", "manufacturer"));
        assertThat(impostor.getIssuerX500Principal()).isEqualTo(cas.roots().get(HUAXIA).getSubjectX500Principal());
        final ClientCertificates.Outcome outcome = certificates.authenticate(impostor, Instant.now());
        assertThat(outcome.accepted()).isEmpty();
        assertThat(outcome.refusal()).startsWith("unknown organisation");
    }

    @Test
    void an_expired_certificate_of_a_ledger_identity_is_refused() throws Exception {
        final Instant now = Instant.now();
        final X509Certificate expired = issue(cas.roots().get(HUAXIA),
                Pem.readPrivateKey(cas.caCertificate(HUAXIA).resolveSibling("ca-key.pem")), "CN=huaxia,O=" + HUAXIA,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        final ClientCertificates.Outcome outcome = certificates.authenticate(expired, now);
        assertThat(outcome.accepted()).isEmpty();
        assertThat(outcome.refusal()).startsWith("client certificate expired at");
        // the same certificate within its validity is the identity: only the time refused it
        assertThat(certificates.authenticate(expired, now.minus(Duration.ofDays(2))).accepted()).isPresent();
    }

    @Test
    void only_the_ca_configured_for_the_identitys_own_organisation_maps_to_it() throws Exception {
        // the regulator's organisation has no CA configured here: its genuine certificate names no identity
        final ClientCertificates huaxiaOnly = new ClientCertificates(Map.of(HUAXIA, cas.roots().get(HUAXIA)),
                List.of(identity(cas.enroll(HUAXIA, "huaxia", "manufacturer")),
                        identity(cas.enroll(MPA, "shanghai-mpa", "regulator"))));
        final ClientCertificates.Outcome regulator = huaxiaOnly.authenticate(
                certificate(cas.enroll(MPA, "shanghai-mpa", "regulator")), Instant.now());
        assertThat(regulator.accepted()).isEmpty();
        assertThat(regulator.refusal()).startsWith("unknown organisation");
        assertThat(huaxiaOnly.authenticate(certificate(cas.enroll(HUAXIA, "huaxia", "manufacturer")), Instant.now())
                .accepted()).isPresent();
    }

    @Test
    void a_partner_ca_configured_for_its_msp_maps_its_own_identity_and_no_other() throws Exception {
        final LocalCertificateAuthority partner = LocalCertificateAuthority.open(root.resolve("partner"),
                List.of(PARTNER));
        final Map<String, X509Certificate> configured = new HashMap<>(cas.roots());
        configured.put(PARTNER, partner.roots().get(PARTNER));
        final ClientCertificates withPartner = new ClientCertificates(configured, List.of(
                identity(cas.enroll(HUAXIA, "huaxia", "manufacturer")),
                identity(partner.enroll(PARTNER, "partner-qa", "distributor"))));
        assertThat(withPartner.authenticate(certificate(partner.enroll(PARTNER, "partner-qa", "distributor")),
                Instant.now()).accepted()).contains(new Caller("partner-qa", "partner-qa", PARTNER, "distributor"));
        final ClientCertificates.Outcome impostor = withPartner.authenticate(
                certificate(partner.enroll(PARTNER, "huaxia", "manufacturer")), Instant.now());
        assertThat(impostor.accepted()).isEmpty();
        assertThat(impostor.refusal()).isEqualTo("no such identity: no ledger identity named huaxia in organisation "
                + PARTNER);
    }

    @Test
    void one_ca_configured_for_two_organisations_fails_the_start() {
        assertThatThrownBy(() -> new ClientCertificates(Map.of(HUAXIA, cas.roots().get(HUAXIA), MPA,
                cas.roots().get(HUAXIA)), List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("each organisation has its own");
    }

    private static X509Certificate issue(final X509Certificate ca, final PrivateKey caKey, final String subject,
            final Instant from, final Instant to) throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair keys = generator.generateKeyPair();
        final JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), BigInteger.valueOf(System.nanoTime()),
                Date.from(from), Date.from(to), new X500Name(subject), keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
    }
}
