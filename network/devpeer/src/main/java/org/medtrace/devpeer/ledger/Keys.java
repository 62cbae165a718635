// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key layout of the index database. One keyspace, told apart by a leading byte:
 * <ul>
 *   <li>{@code 's' ns 0x00 key}: world state (UTF-8 bytes, so RocksDB's byte order is Fabric's LevelDB order)</li>
 *   <li>{@code 'h' ns 0x00 len(key) key block tx}: history; the length keeps a key's entries apart from keys that
 *   extend it</li>
 *   <li>{@code 'b' block}: where a block lies in the block file</li>
 *   <li>{@code 't' txId}: the block, position and validation code of a transaction</li>
 *   <li>{@code 'm' name}: ledger metadata (the savepoint)</li>
 * </ul>
 * Numbers are big-endian so they sort numerically.
 */
final class Keys {
    static final byte STATE = 's';
    static final byte HISTORY = 'h';
    static final byte BLOCK = 'b';
    static final byte TX = 't';
    static final byte META = 'm';
    static final byte[] SAVEPOINT = {META, 's', 'a', 'v', 'e'};

    private Keys() {
    }

    static byte[] namespacePrefix(final byte kind, final String namespace) {
        final byte[] ns = namespace.getBytes(StandardCharsets.UTF_8);
        final byte[] prefix = new byte[ns.length + 2];
        prefix[0] = kind;
        System.arraycopy(ns, 0, prefix, 1, ns.length);
        return prefix;
    }

    static byte[] state(final String namespace, final String key) {
        return concat(namespacePrefix(STATE, namespace), key.getBytes(StandardCharsets.UTF_8));
    }

    /** The state key's user key, given the length of its namespace prefix. */
    static String userKey(final byte[] stateKey, final int prefixLength) {
        return new String(stateKey, prefixLength, stateKey.length - prefixLength, StandardCharsets.UTF_8);
    }

    static byte[] historyPrefix(final String namespace, final String key) {
        final byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return concat(namespacePrefix(HISTORY, namespace), ByteBuffer.allocate(4).putInt(k.length).array(), k);
    }

    static byte[] history(final String namespace, final String key, final long block, final long tx) {
        return concat(historyPrefix(namespace, key), ByteBuffer.allocate(16).putLong(block).putLong(tx).array());
    }

    static byte[] block(final long number) {
        return ByteBuffer.allocate(9).put(BLOCK).putLong(number).array();
    }

    static byte[] tx(final String txId) {
        return concat(new byte[] {TX}, txId.getBytes(StandardCharsets.UTF_8));
    }

    /** The smallest key greater than every key starting with the prefix, or null if there is none. */
    static byte[] prefixEnd(final byte[] prefix) {
        final byte[] end = Arrays.copyOf(prefix, prefix.length);
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    static byte[] concat(final byte[]... parts) {
        int length = 0;
        for (final byte[] part : parts) {
            length += part.length;
        }
        final byte[] result = new byte[length];
        int offset = 0;
        for (final byte[] part : parts) {
            System.arraycopy(part, 0, result, offset, part.length);
            offset += part.length;
        }
        return result;
    }

    static int compare(final byte[] a, final byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
