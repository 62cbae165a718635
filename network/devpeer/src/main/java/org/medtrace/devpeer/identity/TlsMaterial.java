// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The TLS CA under {@code tls/} ({@code ca-cert.pem}, the root clients trust, and {@code ca-key.pem}) and the peer's
 * server certificate ({@code server-cert.pem}, {@code server-key.pem}), reissued at every start for the current host
 * names; the CA persists, so clients keep trusting the same root.
 */
public final class TlsMaterial {
    private final Path caCertificate;
    private final Path serverCertificate;
    private final Path serverKey;

    private TlsMaterial(final Path caCertificate, final Path serverCertificate, final Path serverKey) {
        this.caCertificate = caCertificate;
        this.serverCertificate = serverCertificate;
        this.serverKey = serverKey;
    }

    /**
     * Loads or creates the TLS CA and issues a server certificate for the given names.
     *
     * @param serverName the name clients use with {@code overrideAuthority}
     * @param host the address the peer listens on (a literal IP address goes into the IP SANs)
     */
    public static TlsMaterial prepare(final Path directory, final String serverName, final String host) {
        try {
            final Path caCert = directory.resolve("ca-cert.pem");
            final Path caKey = directory.resolve("ca-key.pem");
            if (!Files.exists(caCert) || !Files.exists(caKey)) {
                final KeyPair keys = Crypto.newP256KeyPair();
                Pem.writeAtomically(caKey, Pem.encode(keys.getPrivate()));
                Pem.writeAtomically(caCert, Pem.encode(CertificateIssuer.selfSignedCa("CN=tlsca.devpeer,O=DevPeer", keys)));
            }
            final X509Certificate ca = Pem.readCertificate(caCert);
            final PrivateKey caPrivateKey = Pem.readPrivateKey(caKey);
            final Set<String> dnsNames = new LinkedHashSet<>(List.of(serverName, "localhost"));
            final List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
            if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')) {
                final InetAddress address = InetAddress.getByName(host);
                if (!addresses.contains(address)) {
                    addresses.add(address);
                }
            } else {
                dnsNames.add(host);
            }
            final KeyPair keys = Crypto.newP256KeyPair();
            final X509Certificate server = CertificateIssuer.tlsServer(ca, caPrivateKey, "CN=" + serverName,
                    keys.getPublic(), List.copyOf(dnsNames), addresses);
            final Path serverCert = directory.resolve("server-cert.pem");
            final Path serverKey = directory.resolve("server-key.pem");
            Pem.writeAtomically(serverKey, Pem.encode(keys.getPrivate()));
            Pem.writeAtomically(serverCert, Pem.encode(server));
            return new TlsMaterial(caCert, serverCert, serverKey);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PEM root clients trust. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** The PEM server certificate. */
    public Path serverCertificate() {
        return serverCertificate;
    }

    /** The PEM PKCS#8 server key. */
    public Path serverKey() {
        return serverKey;
    }
}
