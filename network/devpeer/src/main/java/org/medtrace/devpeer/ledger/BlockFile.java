// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The append-only block file: records of {@code length(4) crc32c(4) bytes}. Appends go to the end and become durable
 * with {@link #sync()}; a record cut short or failing its checksum marks the end of what was written completely, and
 * {@link #recover(long)} cuts it off.
 */
final class BlockFile implements Closeable {
    /** A record is one block; anything larger than this cannot have been written by us and means a torn header. */
    static final int RECORD_BYTES_MAX = 256 * 1024 * 1024;
    private static final int HEADER_BYTES = 8;

    private final FileChannel channel;
    private long end;

    private BlockFile(final FileChannel channel, final long end) {
        this.channel = channel;
        this.end = end;
    }

    static BlockFile open(final Path file) throws IOException {
        final boolean created = !Files.exists(file);
        final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (created) {
            // The new file's directory entry must survive a machine crash too, not only its contents.
            try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
        return new BlockFile(channel, channel.size());
    }

    /** A complete record: where it starts and its bytes. */
    static final class Record {
        final long offset;
        final byte[] bytes;

        Record(final long offset, final byte[] bytes) {
            this.offset = offset;
            this.bytes = bytes;
        }

        long end() {
            return offset + HEADER_BYTES + bytes.length;
        }
    }

    /**
     * Reads every complete record from {@code offset} on and truncates the file after the last one, removing a torn
     * tail left by a crash.
     *
     * @return the complete records, in order
     */
    synchronized List<Record> recover(final long offset) throws IOException {
        final List<Record> records = new ArrayList<>();
        long position = offset;
        while (true) {
            final Record record = readRecord(position);
            if (record == null) {
                break;
            }
            records.add(record);
            position = record.end();
        }
        if (position < channel.size()) {
            channel.truncate(position);
            channel.force(true);
        }
        end = position;
        return records;
    }

    /** Appends a record without forcing it to disk; returns its offset. */
    synchronized long append(final byte[] bytes) throws IOException {
        final CRC32C crc = new CRC32C();
        crc.update(bytes);
        final ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + bytes.length);
        buffer.putInt(bytes.length).putInt((int) crc.getValue()).put(bytes).flip();
        final long offset = end;
        long position = offset;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        end = position;
        return offset;
    }

    /** Forces every appended record to disk (data only: the file's length is part of what fdatasync forces). */
    void sync() throws IOException {
        channel.force(false);
    }

    /**
     * Reads the record at the offset.
     *
     * @throws IOException if no complete, intact record starts there
     */
    byte[] read(final long offset) throws IOException {
        final Record record = readRecord(offset);
        if (record == null) {
            throw new IOException("no intact block record at offset " + offset);
        }
        return record.bytes;
    }

    synchronized long end() {
        return end;
    }

    private Record readRecord(final long offset) throws IOException {
        final long size = channel.size();
        if (offset + HEADER_BYTES > size) {
            return null;
        }
        final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(header, offset);
        header.flip();
        final int length = header.getInt();
        final int checksum = header.getInt();
        if (length < 0 || length > RECORD_BYTES_MAX || offset + HEADER_BYTES + length > size) {
            return null;
        }
        final ByteBuffer body = ByteBuffer.allocate(length);
        readFully(body, offset + HEADER_BYTES);
        final CRC32C crc = new CRC32C();
        crc.update(body.array());
        return (int) crc.getValue() == checksum ? new Record(offset, body.array()) : null;
    }

    private void readFully(final ByteBuffer buffer, final long offset) throws IOException {
        long position = offset;
        while (buffer.hasRemaining()) {
            final int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("unexpected end of block file at " + position);
            }
            position += read;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
