// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.testing;

import com.google.protobuf.ByteString;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Issues real X.509 identities the way fabric-ca does: one EC P-256 CA per organisation, enrolment certificates
 * carrying the attribute extension (OID 1.2.3.4.5.6.7.8.1, raw JSON {@code {"attrs":{"role":"..."}}}), wrapped in
 * a Fabric {@code SerializedIdentity} as a proposal's creator. The shim's ClientIdentity parses them for real.
 */
public final class TestIdentities {
    /** The fabric-ca attribute extension. */
    static final ASN1ObjectIdentifier ATTRIBUTES_OID = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");
    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, Ca> CAS = new ConcurrentHashMap<>();
    private static final Map<String, Identity> IDENTITIES = new ConcurrentHashMap<>();
    private static final AtomicLong SERIALS = new AtomicLong(1);

    private TestIdentities() {
    }

    /**
     * A caller.
     *
     * @param msp MSP id
     * @param role the role attribute, or null for a certificate without attributes
     * @param creator serialized identity bytes (the proposal's creator)
     */
    public record Identity(String msp, String role, byte[] creator) {
        @Override
        public String toString() {
            return msp + "/" + role;
        }
    }

    private record Ca(KeyPair keys, X500Name name, X509CertificateHolder certificate) {
    }

    /** @return the identity of a member of {@code msp} with the role attribute (cached) */
    public static Identity of(final String msp, final String role) {
        return IDENTITIES.computeIfAbsent(msp + "|" + role, k -> issue(msp, role, attributes(role)));
    }

    /** @return an identity whose attribute extension holds the given raw JSON (or none, if null) */
    public static Identity withAttributes(final String msp, final String attributesJson) {
        return issue(msp, "custom", attributesJson);
    }

    private static String attributes(final String role) {
        return role == null ? null
                : "{\"attrs\":{\"hf.Affiliation\":\"\",\"hf.EnrollmentID\":\"user1\",\"hf.Type\":\"client\","
                        + "\"role\":\"" + role + "\"}}";
    }

    private static Identity issue(final String msp, final String role, final String attributesJson) {
        try {
            Ca ca = CAS.computeIfAbsent(msp, TestIdentities::newCa);
            KeyPair keys = ecKeys();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.name(),
                    BigInteger.valueOf(SERIALS.getAndIncrement()), Date.from(NOT_BEFORE),
                    Date.from(NOT_BEFORE.plus(3650, ChronoUnit.DAYS)),
                    new X500Name("CN=user-" + role + ",OU=client,O=" + msp), keys.getPublic());
            if (attributesJson != null) {
                builder.addExtension(ATTRIBUTES_OID, false, attributesJson.getBytes(StandardCharsets.UTF_8));
            }
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(ca.keys().getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(new JcaX509CertificateConverter().getCertificate(holder));
            }
            byte[] creator = SerializedIdentity.newBuilder().setMspid(msp)
                    .setIdBytes(ByteString.copyFromUtf8(pem.toString())).build().toByteArray();
            return new Identity(msp, role, creator);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test identity", e);
        }
    }

    private static Ca newCa(final String msp) {
        try {
            KeyPair keys = ecKeys();
            X500Name name = new X500Name("CN=ca." + msp + ",O=" + msp);
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(NOT_BEFORE), Date.from(NOT_BEFORE.plus(3650, ChronoUnit.DAYS)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new Ca(keys, name, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test CA", e);
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
