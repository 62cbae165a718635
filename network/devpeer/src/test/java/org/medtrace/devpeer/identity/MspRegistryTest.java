// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medtrace.devpeer.EnrolledIdentity;

/** The cache of validated identities: bounded, least recently used out first, never past a certificate's expiry. */
class MspRegistryTest {
    private static LocalCertificateAuthority ca;

    @BeforeAll
    static void openCa() throws Exception {
        final Path root = Path.of(System.getProperty("devpeer.test.dir", "target/test-data"));
        ca = LocalCertificateAuthority.open(Files.createDirectories(root.resolve("msp-" + System.nanoTime())),
                List.of("AMSP"));
    }

    @Test
    void a_validated_identity_is_served_from_the_cache_but_its_signatures_are_always_checked() throws Exception {
        final MspRegistry registry = new MspRegistry(ca.roots());
        final EnrolledIdentity alice = ca.enroll("AMSP", "alice", "manufacturer");
        final ByteString serialized = serialized(alice);
        final byte[] data = "proposal".getBytes(StandardCharsets.UTF_8);
        final byte[] signature = Crypto.signer(Pem.readPrivateKey(alice.privateKeyPem())).sign(data);
        final Creator first = registry.verify(serialized, data, signature);
        assertThat(registry.deserialize(serialized)).isSameAs(first);
        assertThat(registry.cachedIdentities()).isEqualTo(1);
        final byte[] tampered = "proposal!".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> registry.verify(serialized, tampered, signature))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityException.Reason.BAD_SIGNATURE));
    }

    @Test
    void the_cache_holds_at_most_its_bound_and_evicts_the_least_recently_used() throws Exception {
        final MspRegistry registry = new MspRegistry(ca.roots(), Clock.systemUTC(), 3);
        final List<ByteString> identities = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            identities.add(serialized(ca.enroll("AMSP", "user" + i, "distributor")));
        }
        final Creator zero = registry.deserialize(identities.get(0));
        registry.deserialize(identities.get(1));
        registry.deserialize(identities.get(2));
        registry.deserialize(identities.get(0));
        registry.deserialize(identities.get(3));
        assertThat(registry.cachedIdentities()).isEqualTo(3);
        assertThat(registry.deserialize(identities.get(0))).as("recently used, kept").isSameAs(zero);
        for (final ByteString identity : identities) {
            assertThat(registry.deserialize(identity).mspId()).isEqualTo("AMSP");
            assertThat(registry.cachedIdentities()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void an_identity_whose_certificate_expires_is_dropped_from_the_cache_and_refused() throws Exception {
        final MovableClock clock = new MovableClock(Instant.now());
        final MspRegistry registry = new MspRegistry(ca.roots(), clock, 10);
        final EnrolledIdentity bob = ca.enroll("AMSP", "bob", "regulator");
        final ByteString serialized = serialized(bob);
        final X509Certificate certificate = registry.deserialize(serialized).certificate();
        assertThat(registry.cachedIdentities()).isEqualTo(1);
        clock.now = certificate.getNotAfter().toInstant().plus(Duration.ofSeconds(1));
        assertThatThrownBy(() -> registry.deserialize(serialized))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityException.Reason.UNTRUSTED));
        assertThat(registry.cachedIdentities()).isZero();
        clock.now = certificate.getNotBefore().toInstant().minus(Duration.ofSeconds(1));
        assertThatThrownBy(() -> registry.deserialize(serialized)).isInstanceOf(IdentityException.class);
        clock.now = Instant.now();
        assertThat(registry.deserialize(serialized).certificate()).isEqualTo(certificate);
    }

    @Test
    void unknown_msps_and_malformed_identities_are_refused_and_not_cached() {
        final MspRegistry registry = new MspRegistry(ca.roots());
        final ByteString unknown = SerializedIdentity.newBuilder().setMspid("ZMSP")
                .setIdBytes(ByteString.copyFromUtf8("-----BEGIN CERTIFICATE-----")).build().toByteString();
        assertThatThrownBy(() -> registry.deserialize(unknown)).isInstanceOf(IdentityException.class);
        assertThatThrownBy(() -> registry.deserialize(ByteString.copyFrom(new byte[] {(byte) 0xff, 1})))
                .isInstanceOf(IdentityException.class);
        assertThat(registry.cachedIdentities()).isZero();
    }

    private static ByteString serialized(final EnrolledIdentity identity) throws Exception {
        return SerializedIdentity.newBuilder().setMspid(identity.mspId())
                .setIdBytes(ByteString.copyFrom(Files.readAllBytes(identity.certificatePem()))).build().toByteString();
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(final Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
