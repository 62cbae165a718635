// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.medtrace.devpeer.CertificateAuthority;
import org.medtrace.devpeer.EnrolledIdentity;

/**
 * One CA per organisation, kept under {@code organizations/<MSP id>/}: {@code ca/ca-cert.pem}, {@code ca/ca-key.pem},
 * {@code users/<name>/cert.pem|key.pem} and the peer's {@code peers/peer0/cert.pem|key.pem}. Existing material is
 * loaded, missing material is created, so identities survive restarts.
 */
public final class LocalCertificateAuthority implements CertificateAuthority {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String CERT = "cert.pem";
    private static final String KEY = "key.pem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Map<String, Issuer> issuers;

    private LocalCertificateAuthority(final Path root, final Map<String, Issuer> issuers) {
        this.root = root;
        this.issuers = issuers;
    }

    /**
     * Opens (creating where missing) the CAs of the given organisations under {@code organizationsDirectory}.
     *
     * @throws IllegalArgumentException for an invalid or duplicate MSP id, or no organisation at all
     * @throws UncheckedIOException if the material cannot be read or written
     */
    public static LocalCertificateAuthority open(final Path organizationsDirectory, final List<String> mspIds) {
        if (mspIds.isEmpty()) {
            throw new IllegalArgumentException("at least one organisation (MSP id) is required");
        }
        final Map<String, Issuer> issuers = new LinkedHashMap<>();
        for (final String mspId : mspIds) {
            requireName("MSP id", mspId);
            if (issuers.put(mspId, Issuer.loadOrCreate(organizationsDirectory.resolve(mspId), mspId)) != null) {
                throw new IllegalArgumentException("duplicate MSP id " + mspId);
            }
        }
        return new LocalCertificateAuthority(organizationsDirectory, Collections.unmodifiableMap(issuers));
    }

    @Override
    public synchronized EnrolledIdentity enroll(final String mspId, final String name, final String role) {
        final Issuer issuer = issuer(mspId);
        requireName("name", name);
        requireName("role", role);
        final Path directory = root.resolve(mspId).resolve("users").resolve(name);
        final Path cert = directory.resolve(CERT);
        final Path key = directory.resolve(KEY);
        try {
            if (Files.exists(cert) && Files.exists(key)) {
                final String existing = roleOf(Pem.readCertificate(cert));
                if (!role.equals(existing)) {
                    throw new IllegalArgumentException(mspId + "/" + name + " is enrolled with role " + existing
                            + ", not " + role);
                }
                return new EnrolledIdentity(mspId, name, role, cert, key);
            }
            final KeyPair keys = Crypto.newP256KeyPair();
            final X509Certificate certificate = issuer.issue("CN=" + name + ",OU=client,O=" + mspId, keys,
                    Map.of("hf.EnrollmentID", name, "hf.Type", "client", "hf.Affiliation", "", "role", role));
            Pem.writeAtomically(key, Pem.encode(keys.getPrivate()));
            Pem.writeAtomically(cert, Pem.encode(certificate));
            return new EnrolledIdentity(mspId, name, role, cert, key);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> organizations() {
        return List.copyOf(issuers.keySet());
    }

    @Override
    public Path caCertificate(final String mspId) {
        issuer(mspId);
        return root.resolve(mspId).resolve("ca").resolve("ca-cert.pem");
    }

    /** Each organisation's CA certificate, the trust roots of the channel's MSPs. */
    public Map<String, X509Certificate> roots() {
        final Map<String, X509Certificate> roots = new LinkedHashMap<>();
        issuers.forEach((msp, issuer) -> roots.put(msp, issuer.certificate));
        return roots;
    }

    /** The peer's signing identity in the given organisation, created on first use. */
    public synchronized SigningIdentity peerIdentity(final String mspId) {
        final Issuer issuer = issuer(mspId);
        final Path directory = root.resolve(mspId).resolve("peers").resolve("peer0");
        try {
            if (!Files.exists(directory.resolve(CERT)) || !Files.exists(directory.resolve(KEY))) {
                final KeyPair keys = Crypto.newP256KeyPair();
                final String subject = "CN=peer0." + mspId.toLowerCase(Locale.ROOT) + ",OU=peer,O=" + mspId;
                Pem.writeAtomically(directory.resolve(KEY), Pem.encode(keys.getPrivate()));
                Pem.writeAtomically(directory.resolve(CERT), Pem.encode(issuer.issue(subject, keys, Map.of())));
            }
            return new SigningIdentity(mspId, Pem.readCertificate(directory.resolve(CERT)),
                    Pem.readPrivateKey(directory.resolve(KEY)));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code role} attribute of a certificate, or null if it has none. */
    static String roleOf(final X509Certificate certificate) {
        final byte[] extension = certificate.getExtensionValue(CertificateIssuer.FABRIC_ATTRIBUTES_OID);
        if (extension == null) {
            return null;
        }
        try {
            final JsonNode role = JSON.readTree(ASN1OctetString.getInstance(extension).getOctets()).path("attrs")
                    .path("role");
            return role.isTextual() ? role.asText() : null;
        } catch (final IOException e) {
            return null;
        }
    }

    private Issuer issuer(final String mspId) {
        final Issuer issuer = issuers.get(Objects.requireNonNull(mspId, "mspId"));
        if (issuer == null) {
            throw new IllegalArgumentException("unknown organisation " + mspId + "; configured: " + issuers.keySet());
        }
        return issuer;
    }

    private static void requireName(final String what, final String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1..64 characters [A-Za-z0-9._-], got " + value);
        }
    }

    /** One organisation's CA certificate and key. */
    private static final class Issuer {
        private final X509Certificate certificate;
        private final PrivateKey key;

        private Issuer(final X509Certificate certificate, final PrivateKey key) {
            this.certificate = certificate;
            this.key = key;
        }

        static Issuer loadOrCreate(final Path organization, final String mspId) {
            final Path cert = organization.resolve("ca").resolve("ca-cert.pem");
            final Path key = organization.resolve("ca").resolve("ca-key.pem");
            try {
                if (!Files.exists(cert) || !Files.exists(key)) {
                    final KeyPair keys = Crypto.newP256KeyPair();
                    final String subject = "CN=ca." + mspId.toLowerCase(Locale.ROOT) + ",O=" + mspId;
                    Pem.writeAtomically(key, Pem.encode(keys.getPrivate()));
                    Pem.writeAtomically(cert, Pem.encode(CertificateIssuer.selfSignedCa(subject, keys)));
                }
                return new Issuer(Pem.readCertificate(cert), Pem.readPrivateKey(key));
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        X509Certificate issue(final String subject, final KeyPair keys, final Map<String, String> attributes) {
            return CertificateIssuer.enrolment(certificate, key, subject, keys.getPublic(), attributes);
        }
    }
}
