// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.medtrace.devpeer.identity.Crypto;

/** Fabric's block hashes: the header hash over the ASN.1 DER of (number, previous hash, data hash), the data hash. */
public final class BlockHashing {
    private BlockHashing() {
    }

    /** The DER encoding Fabric hashes and signs: SEQUENCE { INTEGER number, OCTET STRING previous, OCTET STRING data }. */
    public static byte[] headerBytes(final BlockHeader header) {
        final ASN1EncodableVector vector = new ASN1EncodableVector();
        vector.add(new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))));
        vector.add(new DEROctetString(header.getPreviousHash().toByteArray()));
        vector.add(new DEROctetString(header.getDataHash().toByteArray()));
        try {
            return new DERSequence(vector).getEncoded("DER");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of {@link #headerBytes}: what the next block's {@code previous_hash} holds. */
    public static byte[] headerHash(final BlockHeader header) {
        return Crypto.sha256(headerBytes(header));
    }

    /** SHA-256 of the concatenated transaction envelopes. */
    public static byte[] dataHash(final BlockData data) {
        final MessageDigest digest = Crypto.newSha256();
        data.getDataList().forEach(envelope -> digest.update(envelope.asReadOnlyByteBuffer()));
        return digest.digest();
    }

    /**
     * Checks a block against its predecessor: its number follows, its previous hash is the predecessor's header hash,
     * and its data hash matches its data.
     *
     * @param previous the predecessor, or null for block 0
     * @return null if the block is consistent, else why not
     */
    public static String checkLink(final Block previous, final Block block) {
        final long expectedNumber = previous == null ? 0 : previous.getHeader().getNumber() + 1;
        if (block.getHeader().getNumber() != expectedNumber) {
            return "block number " + block.getHeader().getNumber() + ", expected " + expectedNumber;
        }
        final byte[] expectedPrevious = previous == null ? new byte[0] : headerHash(previous.getHeader());
        if (!Arrays.equals(expectedPrevious, block.getHeader().getPreviousHash().toByteArray())) {
            return "block " + expectedNumber + " does not hash-link to its predecessor";
        }
        if (!Arrays.equals(dataHash(block.getData()), block.getHeader().getDataHash().toByteArray())) {
            return "block " + expectedNumber + " data hash does not match its data";
        }
        return null;
    }
}
