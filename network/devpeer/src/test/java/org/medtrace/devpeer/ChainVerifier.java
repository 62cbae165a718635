// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;

/** Checks a chain of blocks the way a Fabric client would, written independently of the peer's own code. */
final class ChainVerifier {
    private ChainVerifier() {
    }

    /** Null if blocks 0..n-1 are numbered in order, hash-linked and match their data hashes; else the problem. */
    static String verify(final List<Block> blocks) throws IOException {
        byte[] previousHash = new byte[0];
        for (int i = 0; i < blocks.size(); i++) {
            final Block block = blocks.get(i);
            if (block.getHeader().getNumber() != i) {
                return "block " + i + " is numbered " + block.getHeader().getNumber();
            }
            if (!Arrays.equals(previousHash, block.getHeader().getPreviousHash().toByteArray())) {
                return "block " + i + " previous hash mismatch";
            }
            final MessageDigest data = sha256();
            block.getData().getDataList().forEach(bytes -> data.update(bytes.toByteArray()));
            if (!Arrays.equals(data.digest(), block.getHeader().getDataHash().toByteArray())) {
                return "block " + i + " data hash mismatch";
            }
            previousHash = headerHash(block.getHeader());
        }
        return null;
    }

    static byte[] headerHash(final BlockHeader header) throws IOException {
        final ASN1EncodableVector vector = new ASN1EncodableVector();
        vector.add(new ASN1Integer(BigInteger.valueOf(header.getNumber())));
        vector.add(new DEROctetString(header.getPreviousHash().toByteArray()));
        vector.add(new DEROctetString(header.getDataHash().toByteArray()));
        return sha256().digest(new DERSequence(vector).getEncoded("DER"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
