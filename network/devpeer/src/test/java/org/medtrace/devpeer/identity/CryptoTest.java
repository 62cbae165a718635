// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

/** ECDSA as Fabric's MSP wants it: signatures low-S, high-S refused, interoperable with the JDK's ECDSA. */
class CryptoTest {
    private static final BigInteger ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final byte[] DATA = "proposal bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatures_are_low_s_and_verify_with_the_jdk() throws Exception {
        final KeyPair keys = Crypto.newP256KeyPair();
        for (int i = 0; i < 20; i++) {
            final byte[] data = ("message " + i).getBytes(StandardCharsets.UTF_8);
            final byte[] signature = Crypto.signer(keys.getPrivate()).sign(data);
            assertThat(s(signature)).isLessThanOrEqualTo(ORDER.shiftRight(1));
            final Signature jdk = Signature.getInstance("SHA256withECDSA");
            jdk.initVerify(keys.getPublic());
            jdk.update(data);
            assertThat(jdk.verify(signature)).isTrue();
            assertThat(Crypto.verifier(keys.getPublic()).verify(data, signature)).isTrue();
        }
    }

    @Test
    void the_high_s_twin_of_a_valid_signature_is_refused() throws Exception {
        final KeyPair keys = Crypto.newP256KeyPair();
        final byte[] low = Crypto.signer(keys.getPrivate()).sign(DATA);
        final ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(low));
        final ASN1EncodableVector high = new ASN1EncodableVector();
        high.add(sequence.getObjectAt(0));
        high.add(new ASN1Integer(ORDER.subtract(s(low))));
        final byte[] highS = new DERSequence(high).getEncoded("DER");
        final Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(keys.getPublic());
        jdk.update(DATA);
        assertThat(jdk.verify(highS)).as("mathematically valid").isTrue();
        assertThat(Crypto.verifier(keys.getPublic()).verify(DATA, highS)).isFalse();
    }

    @Test
    void other_data_other_keys_and_garbage_are_refused() {
        final KeyPair keys = Crypto.newP256KeyPair();
        final byte[] signature = Crypto.signer(keys.getPrivate()).sign(DATA);
        assertThat(Crypto.verifier(keys.getPublic()).verify("other".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(Crypto.verifier(Crypto.newP256KeyPair().getPublic()).verify(DATA, signature)).isFalse();
        assertThat(Crypto.verifier(keys.getPublic()).verify(DATA, new byte[] {1, 2, 3})).isFalse();
    }

    private static BigInteger s(final byte[] der) throws Exception {
        return ASN1Integer.getInstance(ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der)).getObjectAt(1))
                .getValue();
    }
}
