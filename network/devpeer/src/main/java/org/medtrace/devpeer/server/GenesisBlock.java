// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.medtrace.devpeer.identity.Crypto;
import org.medtrace.devpeer.identity.Pem;
import org.medtrace.devpeer.identity.SigningIdentity;

/**
 * Block 0's single transaction: a CONFIG envelope whose channel configuration lists the application organisations
 * and their MSP root certificates, as a Fabric channel's genesis block does (without policies and orderer settings,
 * which a single dev peer does not use).
 */
final class GenesisBlock {
    private GenesisBlock() {
    }

    static Envelope configEnvelope(final String channelId, final Map<String, X509Certificate> roots,
            final SigningIdentity signer) {
        final ConfigGroup.Builder application = ConfigGroup.newBuilder().setModPolicy("Admins");
        roots.forEach((mspId, root) -> {
            final FabricMSPConfig msp = FabricMSPConfig.newBuilder().setName(mspId)
                    .addRootCerts(ByteString.copyFrom(Pem.encode(root), StandardCharsets.US_ASCII)).build();
            final ConfigValue value = ConfigValue.newBuilder().setModPolicy("Admins").setValue(
                    MSPConfig.newBuilder().setType(0).setConfig(msp.toByteString()).build().toByteString()).build();
            application.putGroups(mspId, ConfigGroup.newBuilder().setModPolicy("Admins").putValues("MSP", value)
                    .build());
        });
        final Config config = Config.newBuilder().setSequence(0).setChannelGroup(
                ConfigGroup.newBuilder().putGroups("Application", application.build())).build();
        final Instant now = Instant.now();
        final ChannelHeader channelHeader = ChannelHeader.newBuilder().setType(HeaderType.CONFIG_VALUE)
                .setChannelId(channelId).setTimestamp(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(now.getEpochSecond()).setNanos(now.getNano())).build();
        final SignatureHeader signatureHeader = SignatureHeader.newBuilder().setCreator(signer.serialized())
                .setNonce(ByteString.copyFrom(Crypto.randomBytes(24))).build();
        final Payload payload = Payload.newBuilder().setHeader(Header.newBuilder()
                .setChannelHeader(channelHeader.toByteString()).setSignatureHeader(signatureHeader.toByteString()))
                .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString()).build();
        final byte[] payloadBytes = payload.toByteArray();
        return Envelope.newBuilder().setPayload(ByteString.copyFrom(payloadBytes))
                .setSignature(ByteString.copyFrom(signer.sign(payloadBytes))).build();
    }
}
