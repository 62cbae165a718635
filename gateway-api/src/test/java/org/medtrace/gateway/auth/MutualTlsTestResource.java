// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.medtrace.devpeer.EnrolledIdentity;
import org.medtrace.devpeer.identity.LocalCertificateAuthority;
import org.medtrace.devpeer.identity.TlsMaterial;
import org.medtrace.gateway.ledger.DemoOrganizations;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The gateway's test environment with an HTTPS listener (application.properties makes it request client
 * certificates, a build-time key). The HTTPS trust store must
 * exist before boot, so the organisations' CAs are created here first in the data directory, where the dev peer's
 * local CA loads existing material instead of creating its own. The server certificate (for localhost and 127.0.0.1)
 * comes from a separate CA under {@code <data>/https}.
 */
public class MutualTlsTestResource implements QuarkusTestResourceLifecycleManager {

    static final String PARTNER = "PartnerMSP";
    static final String PARTNER_IDENTITY = "partner-qa";

    private final MedtraceTestResource gateway = new MedtraceTestResource();

    @Override
    public Map<String, String> start() {
        final Map<String, String> properties = new HashMap<>(gateway.start());
        final Path data = Path.of(properties.get("medtrace.data-directory"));
        final LocalCertificateAuthority cas = LocalCertificateAuthority.open(
                data.resolve("ledger").resolve("organizations"), DemoOrganizations.mspIds());
        final TlsMaterial https = TlsMaterial.prepare(data.resolve("https"), "localhost", "127.0.0.1");
        properties.put("quarkus.tls.gateway.key-store.pem.server.cert", https.serverCertificate().toString());
        properties.put("quarkus.tls.gateway.key-store.pem.server.key", https.serverKey().toString());
        // a partner organisation's CA, known only through medtrace.auth.client-ca-certificates.PartnerMSP, and one
        // identity of the partner's issued by it (its files configured, so the dev peer does not enrol it)
        final LocalCertificateAuthority partnerCa = LocalCertificateAuthority.open(data.resolve("partner"),
                List.of(PARTNER));
        final Path partner = partnerCa.caCertificate(PARTNER);
        properties.put("medtrace.auth.client-ca-certificates." + PARTNER, partner.toString());
        final EnrolledIdentity qa = partnerCa.enroll(PARTNER, PARTNER_IDENTITY, "distributor");
        final String identity = "medtrace.ledger.identities." + PARTNER_IDENTITY;
        properties.put(identity + ".msp-id", PARTNER);
        properties.put(identity + ".role", "distributor");
        properties.put(identity + ".certificate", qa.certificatePem().toString());
        properties.put(identity + ".private-key", qa.privateKeyPem().toString());
        properties.put("quarkus.tls.gateway.trust-store.pem.certs", Stream.concat(cas.organizations().stream()
                .map(cas::caCertificate), Stream.of(partner)).map(Path::toString).collect(Collectors.joining(",")));
        properties.put("quarkus.http.tls-configuration-name", "gateway");
        properties.put("quarkus.http.test-ssl-port", "0");
        return properties;
    }

    @Override
    public void stop() {
        gateway.stop();
    }
}
