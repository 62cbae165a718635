// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates shaped like the ones fabric-ca issues (EC P-256, the attribute extension 1.2.3.4.5.6.7.8.1 holding
 * {"attrs":{...}}), for tests that need the material a network leaves behind: fabric-ca cannot run in CI.
 */
final class TestCertificates {

    /** fabric-ca's attribute extension: its value is the JSON itself. */
    static final ASN1ObjectIdentifier ATTRIBUTES = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");

    private final KeyPair caKeys = newKeyPair();
    private final X500Name caName;
    private final String caPem;

    TestCertificates(String caCommonName) {
        caName = new X500Name("CN=" + caCommonName);
        caPem = pem(sign(caName, caKeys, Optional.empty()));
    }

    String caCertificatePem() {
        return caPem;
    }

    /** Writes signcerts/cert.pem and keystore/<n>_sk of an enrolled identity into an MSP directory. */
    void writeIdentity(Path msp, String commonName, Optional<String> role) {
        KeyPair keys = newKeyPair();
        try {
            Files.createDirectories(msp.resolve("signcerts"));
            Files.createDirectories(msp.resolve("keystore"));
            Files.writeString(msp.resolve("signcerts/cert.pem"), pem(sign(new X500Name("CN=" + commonName), keys, role)));
            StringWriter key = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(key)) {
                writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
            }
            Files.writeString(msp.resolve("keystore/" + Math.abs(commonName.hashCode()) + "_sk"), key.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X509CertificateHolder sign(X500Name subject, KeyPair keys, Optional<String> role) {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
        try {
            if (role.isPresent()) {
                String attributes = "{\"attrs\":{\"hf.Type\":\"client\",\"role\":\"" + role.get() + "\"}}";
                builder.addExtension(ATTRIBUTES, false, attributes.getBytes(StandardCharsets.UTF_8));
            }
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
