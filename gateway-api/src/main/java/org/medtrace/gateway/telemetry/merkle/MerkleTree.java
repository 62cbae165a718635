// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, section 2.1) over SHA-256, with its domain separation:
 * a leaf hashes as {@code SHA-256(0x00 || leaf)}, an inner node as {@code SHA-256(0x01 || left || right)}, and a
 * tree of n leaves splits at the largest power of two below n. So a leaf can never pass for a node, and the proofs
 * are the ones any RFC 9162 verifier checks.
 *
 * <pre>{@code
 * byte[] root = MerkleTree.root(leafHashes);
 * List<byte[]> path = MerkleTree.inclusionPath(leafHashes, 3);
 * boolean ok = MerkleTree.verify(leafHashes.get(3), 3, leafHashes.size(), path, root);
 * }</pre>
 */
public final class MerkleTree {

    /** Leaves one tree takes: the chaincode's limit of readings in one anchored window. */
    public static final int LEAVES_MAX = 1_000_000;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /**
     * @param leaf the leaf's encoded bytes
     * @return {@code SHA-256(0x00 || leaf)}
     */
    public static byte[] leafHash(final byte[] leaf) {
        Objects.requireNonNull(leaf, "leaf");
        final MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        return digest.digest(leaf);
    }

    /**
     * @param left left child hash
     * @param right right child hash
     * @return {@code SHA-256(0x01 || left || right)}
     */
    public static byte[] nodeHash(final byte[] left, final byte[] right) {
        final MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /**
     * @param leafHashes the leaf hashes in tree order, 1 to {@link #LEAVES_MAX}
     * @return the root hash
     * @throws IllegalArgumentException for no leaves or too many
     */
    public static byte[] root(final List<byte[]> leafHashes) {
        checkSize(leafHashes.size());
        List<byte[]> level = leafHashes;
        while (level.size() > 1) {
            level = parents(level);
        }
        return level.get(0).clone();
    }

    /**
     * One level up, bottom-up, carrying an odd last node up unchanged: the same tree as RFC 9162's recursive split.
     */
    private static List<byte[]> parents(final List<byte[]> level) {
        final List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i + 1 < level.size(); i += 2) {
            up.add(nodeHash(level.get(i), level.get(i + 1)));
        }
        if (level.size() % 2 == 1) {
            up.add(level.get(level.size() - 1));
        }
        return up;
    }

    /**
     * The audit path of RFC 9162 section 2.1.3.1: the sibling hashes from the leaf up to the root.
     *
     * @param leafHashes the leaf hashes in tree order
     * @param index the leaf's index
     * @return the path, leaf side first
     */
    public static List<byte[]> inclusionPath(final List<byte[]> leafHashes, final int index) {
        checkSize(leafHashes.size());
        Objects.checkIndex(index, leafHashes.size());
        final List<byte[]> path = new ArrayList<>();
        List<byte[]> level = leafHashes;
        int position = index;
        while (level.size() > 1) {
            final int sibling = position ^ 1;
            if (sibling < level.size()) {
                path.add(level.get(sibling).clone());
            }
            level = parents(level);
            position /= 2;
        }
        return path;
    }

    /**
     * Verifies an audit path with the algorithm of RFC 9162 section 2.1.3.2.
     *
     * @param leafHash the leaf's hash
     * @param index the leaf's index
     * @param size the number of leaves
     * @param path the audit path
     * @param root the expected root
     * @return true if the path leads from the leaf to the root
     */
    public static boolean verify(final byte[] leafHash, final long index, final long size, final List<byte[]> path,
            final byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (final byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    private static void checkSize(final int size) {
        if (size < 1 || size > LEAVES_MAX) {
            throw new IllegalArgumentException("a tree has 1 to " + LEAVES_MAX + " leaves, not " + size);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
