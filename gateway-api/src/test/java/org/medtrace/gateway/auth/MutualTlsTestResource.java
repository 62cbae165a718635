// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        // a partner organisation's CA, known only through medtrace.auth.client-ca-certificates, no identity of its own
        final Path partner = LocalCertificateAuthority.open(data.resolve("partner"), List.of(PARTNER))
                .caCertificate(PARTNER);
        properties.put("medtrace.auth.client-ca-certificates", partner.toString());
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
