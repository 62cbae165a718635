// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the X.509 certificates a Fabric network needs, shaped like fabric-ca's: CA roots, enrolment certificates
 * carrying attributes in the fabric-ca extension, and TLS server certificates.
 */
public final class CertificateIssuer {
    /** fabric-ca's attribute extension; the chaincode shim reads {@code {"attrs":{...}}} from it. */
    public static final String FABRIC_ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CertificateIssuer() {
    }

    /** A self-signed CA certificate. */
    public static X509Certificate selfSignedCa(final String subject, final KeyPair keys) {
        final X500Name name = new X500Name(subject);
        return build(name, keys.getPublic(), name, keys.getPrivate(), builder -> {
            final JcaX509ExtensionUtils utils = extensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        });
    }

    /**
     * An enrolment certificate for a client or peer identity.
     *
     * @param attributes fabric-ca attributes ({@code role} among them); empty for none
     */
    public static X509Certificate enrolment(final X509Certificate ca, final PrivateKey caKey, final String subject,
            final PublicKey publicKey, final Map<String, String> attributes) {
        return build(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), publicKey, new X500Name(subject),
                caKey, builder -> {
                    leafExtensions(builder, ca, publicKey);
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    if (!attributes.isEmpty()) {
                        builder.addExtension(new ASN1ObjectIdentifier(FABRIC_ATTRIBUTES_OID), false,
                                attributeJson(attributes));
                    }
                });
    }

    /** A TLS server certificate for the given DNS names and IP addresses. */
    public static X509Certificate tlsServer(final X509Certificate ca, final PrivateKey caKey, final String subject,
            final PublicKey publicKey, final List<String> dnsNames, final List<InetAddress> addresses) {
        return build(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), publicKey, new X500Name(subject),
                caKey, builder -> {
                    leafExtensions(builder, ca, publicKey);
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                    final List<GeneralName> names = new ArrayList<>();
                    dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
                    addresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip.getHostAddress())));
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                });
    }

    /** The fabric-ca attribute JSON, keys sorted: {@code {"attrs":{"role":"..."}}}. */
    static byte[] attributeJson(final Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(Map.of("attrs", new TreeMap<>(attributes))).getBytes(StandardCharsets.UTF_8);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException, GeneralSecurityException;
    }

    private static void leafExtensions(final X509v3CertificateBuilder builder, final X509Certificate ca,
            final PublicKey publicKey) throws CertIOException, GeneralSecurityException {
        final JcaX509ExtensionUtils utils = extensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
    }

    private static X509Certificate build(final X500Name issuer, final PublicKey publicKey, final X500Name subject,
            final PrivateKey signingKey, final Extensions extensions) {
        final Instant now = Instant.now();
        final X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(1, Crypto.randomBytes(16)), Date.from(now.minus(CLOCK_SKEW)),
                Date.from(now.plus(VALIDITY)), subject, publicKey);
        try {
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
        } catch (final GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("certificate issuance failed for " + subject, e);
        }
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
