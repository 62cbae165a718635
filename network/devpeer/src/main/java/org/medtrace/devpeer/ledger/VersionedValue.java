// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;
import org.hyperledger.fabric.protos.peer.StateMetadataResult;

/**
 * A world-state entry: the value, its metadata and the version (block, transaction) that wrote it. Stored as
 * {@code block(8) tx(8) metadataLength(4) metadata value}.
 */
final class VersionedValue {
    private final long block;
    private final long tx;
    private final StateMetadataResult metadata;
    private final byte[] value;

    VersionedValue(final long block, final long tx, final StateMetadataResult metadata, final byte[] value) {
        this.block = block;
        this.tx = tx;
        this.metadata = metadata;
        this.value = value;
    }

    static VersionedValue decode(final byte[] bytes) {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final long block = buffer.getLong();
        final long tx = buffer.getLong();
        final int metadataLength = buffer.getInt();
        try {
            final StateMetadataResult metadata = metadataLength == 0 ? StateMetadataResult.getDefaultInstance()
                    : StateMetadataResult.parseFrom(ByteBuffer.wrap(bytes, 20, metadataLength));
            final byte[] value = new byte[bytes.length - 20 - metadataLength];
            System.arraycopy(bytes, 20 + metadataLength, value, 0, value.length);
            return new VersionedValue(block, tx, metadata, value);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt state entry", e);
        }
    }

    byte[] encode() {
        final byte[] md = metadata.getEntriesCount() == 0 ? new byte[0] : metadata.toByteArray();
        return ByteBuffer.allocate(20 + md.length + value.length).putLong(block).putLong(tx).putInt(md.length)
                .put(md).put(value).array();
    }

    long block() {
        return block;
    }

    long tx() {
        return tx;
    }

    Version version() {
        return Version.newBuilder().setBlockNum(block).setTxNum(tx).build();
    }

    boolean hasVersion(final Version version) {
        return version.getBlockNum() == block && version.getTxNum() == tx;
    }

    StateMetadataResult metadata() {
        return metadata;
    }

    byte[] value() {
        return value;
    }

    ByteString valueBytes() {
        return ByteString.copyFrom(value);
    }
}
