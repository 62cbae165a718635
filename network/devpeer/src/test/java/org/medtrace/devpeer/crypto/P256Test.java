// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.hyperledger.fabric.client.identity.Signer;
import org.junit.jupiter.api.Test;

/** Both P-256 engines, and the fabric-gateway signer built on the selected one: low-S out, high-S refused. */
class P256Test {
    private static final int SIGNATURES = 200;

    @Test
    void conscrypt_is_used_where_its_native_library_ships() {
        final boolean shipped = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        if (shipped) {
            assertThat(P256.implementation()).isEqualTo("Conscrypt (BoringSSL)");
            assertThat(ConscryptP256.loadOrNull()).isNotNull();
        }
        assertThat(P256.select("bouncycastle").name()).isEqualTo("BouncyCastle");
    }

    @Test
    void fabric_signer_output_is_low_s_and_verifies_with_bouncycastle_and_the_jdk() throws Exception {
        final KeyPair keys = newKeyPair();
        final Signer signer = P256Signers.newPrivateKeySigner(keys.getPrivate());
        for (int i = 0; i < SIGNATURES; i++) {
            final byte[] data = ("proposal " + i).getBytes(StandardCharsets.UTF_8);
            final byte[] signature = signer.sign(sha256(data));
            final BigInteger[] rs = LowS.decode(signature);
            assertThat(rs[1]).isLessThanOrEqualTo(LowS.HALF_ORDER);
            assertThat(bouncyCastleVerifies(keys, sha256(data), rs)).isTrue();
            final Signature jdk = Signature.getInstance("SHA256withECDSA");
            jdk.initVerify(keys.getPublic());
            jdk.update(data);
            assertThat(jdk.verify(signature)).isTrue();
        }
    }

    @Test
    void every_engine_signs_low_s_and_verifies_the_other_engines_signatures() {
        final List<P256Engine> engines = engines();
        final KeyPair keys = newKeyPair();
        for (final P256Engine signing : engines) {
            final SigningKey key = signing.signingKey((java.security.interfaces.ECPrivateKey) keys.getPrivate());
            for (int i = 0; i < SIGNATURES; i++) {
                final byte[] digest = sha256(("block " + i).getBytes(StandardCharsets.UTF_8));
                final byte[] signature = key.signDigest(digest);
                assertThat(LowS.hasLowS(signature)).as(signing.name()).isTrue();
                for (final P256Engine verifying : engines) {
                    assertThat(verifying.verificationKey((ECPublicKey) keys.getPublic()).verifyDigest(digest,
                            signature)).as(signing.name() + " verified by " + verifying.name()).isTrue();
                }
            }
        }
    }

    @Test
    void every_engine_refuses_the_high_s_twin_other_digests_other_keys_and_garbage() throws Exception {
        final KeyPair keys = newKeyPair();
        final byte[] digest = sha256("envelope".getBytes(StandardCharsets.UTF_8));
        final byte[] low = P256.signingKey(keys.getPrivate()).signDigest(digest);
        final BigInteger[] rs = LowS.decode(low);
        final byte[] high = LowS.encode(rs[0], LowS.ORDER.subtract(rs[1]));
        assertThat(bouncyCastleVerifies(keys, digest, LowS.decode(high))).as("mathematically valid").isTrue();
        for (final P256Engine engine : engines()) {
            final VerificationKey key = engine.verificationKey((ECPublicKey) keys.getPublic());
            assertThat(key.verifyDigest(digest, low)).as(engine.name()).isTrue();
            assertThat(key.verifyDigest(digest, high)).as(engine.name() + ", high S").isFalse();
            assertThat(key.verifyDigest(sha256(new byte[] {1}), low)).as(engine.name() + ", other digest").isFalse();
            assertThat(key.verifyDigest(new byte[31], low)).as(engine.name() + ", short digest").isFalse();
            assertThat(key.verifyDigest(digest, new byte[] {0x30, 1, 2})).as(engine.name() + ", garbage").isFalse();
            assertThat(engine.verificationKey((ECPublicKey) newKeyPair().getPublic()).verifyDigest(digest, low))
                    .as(engine.name() + ", other key").isFalse();
        }
    }

    @Test
    void keys_of_other_curves_and_digests_of_other_lengths_are_refused() throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        final KeyPair p384 = generator.generateKeyPair();
        assertThatThrownBy(() -> P256Signers.newPrivateKeySigner(p384.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256.verificationKey(p384.getPublic())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256.signingKey(newKeyPair().getPrivate()).signDigest(new byte[20]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<P256Engine> engines() {
        final ConscryptP256 conscrypt = ConscryptP256.loadOrNull();
        return conscrypt == null ? List.of(new BouncyCastleP256()) : List.of(conscrypt, new BouncyCastleP256());
    }

    /** An independent check: BouncyCastle's lightweight ECDSA, which accepts either S. */
    private static boolean bouncyCastleVerifies(final KeyPair keys, final byte[] digest, final BigInteger[] rs) {
        final X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        final ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN());
        final ECPublicKey key = (ECPublicKey) keys.getPublic();
        final ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(curve.getCurve().createPoint(key.getW().getAffineX(),
                key.getW().getAffineY()), domain));
        return verifier.verifySignature(digest, rs[0], rs[1]);
    }

    private static KeyPair newKeyPair() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (final java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(final byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (final java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
