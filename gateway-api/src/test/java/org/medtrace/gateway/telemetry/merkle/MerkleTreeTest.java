// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    /** RFC 9162's definition, recursively: the reference the iterative implementation must match. */
    private static byte[] reference(final List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        return MerkleTree.nodeHash(reference(leaves.subList(0, k)), reference(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> leaves(final int n) {
        final List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(("reading " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void the_root_is_rfc_9162s_tree_hash_for_every_size() {
        for (int n = 1; n <= 70; n++) {
            assertThat(MerkleTree.root(leaves(n))).as("n=%d", n).isEqualTo(reference(leaves(n)));
        }
    }

    @Test
    void leaves_and_nodes_are_domain_separated_as_in_certificate_transparency() {
        // The RFC 6962 / 9162 hash of the empty leaf: SHA-256 of the single byte 0x00.
        assertThat(HexFormat.of().formatHex(MerkleTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        final byte[] a = MerkleTree.leafHash(new byte[] {1});
        final byte[] b = MerkleTree.leafHash(new byte[] {2});
        final byte[] concatenated = new byte[64];
        System.arraycopy(a, 0, concatenated, 0, 32);
        System.arraycopy(b, 0, concatenated, 32, 32);
        assertThat(MerkleTree.nodeHash(a, b)).isNotEqualTo(MerkleTree.leafHash(concatenated));
    }

    @Test
    void every_leaf_of_every_size_has_a_path_that_verifies_and_only_for_itself() {
        for (int n = 1; n <= 33; n++) {
            final List<byte[]> leaves = leaves(n);
            final byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < n; i++) {
                final List<byte[]> path = MerkleTree.inclusionPath(leaves, i);
                assertThat(MerkleTree.verify(leaves.get(i), i, n, path, root)).as("n=%d i=%d", n, i).isTrue();
                assertThat(MerkleTree.verify(leaves.get(i), (i + 1) % n, n, path, root) && n > 1)
                        .as("wrong index n=%d i=%d", n, i).isFalse();
                assertThat(MerkleTree.verify(MerkleTree.leafHash(new byte[] {9}), i, n, path, root)).isFalse();
            }
        }
    }

    @Test
    void a_tampered_path_or_root_fails() {
        final List<byte[]> leaves = leaves(10);
        final byte[] root = MerkleTree.root(leaves);
        final List<byte[]> path = new ArrayList<>(MerkleTree.inclusionPath(leaves, 6));
        final byte[] flipped = Arrays.copyOf(path.get(1), 32);
        flipped[0] ^= 1;
        path.set(1, flipped);
        assertThat(MerkleTree.verify(leaves.get(6), 6, 10, path, root)).isFalse();
        assertThat(MerkleTree.verify(leaves.get(6), 6, 6, MerkleTree.inclusionPath(leaves, 6), root)).isFalse();
        assertThat(MerkleTree.verify(leaves.get(6), 6, 7, MerkleTree.inclusionPath(leaves, 6), root)).isFalse();
    }

    @Test
    void the_leaf_encoding_is_pinned() {
        final byte[] leaf = ReadingLeaf.encode("88.1/L", 7, 1_000_000L, 5.5, 41.5f, null, Boolean.TRUE);
        assertThat(HexFormat.of().formatHex(leaf)).isEqualTo("01" + "0006" + "38382e312f4c" + "0000000000000007"
                + "00000000000f4240" + "4016000000000000" + "0d" + "42260000");
        assertThat(ReadingLeaf.encode("L", 1, 0, -0.0, null, null, null))
                .isEqualTo(ReadingLeaf.encode("L", 1, 0, 0.0, null, null, null));
    }
}
