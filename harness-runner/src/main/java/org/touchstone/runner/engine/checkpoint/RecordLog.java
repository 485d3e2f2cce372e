package org.touchstone.runner.engine.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of records that survives the process being killed at any moment, including in
 * the middle of an append. Each record is framed as its length, a CRC-32C of its bytes, then the bytes;
 * opening the file reads back every complete record and cuts off whatever follows the last one (a torn
 * write), so a partial record is never mistaken for a complete one.
 *
 * <p>Appends go to the operating system at once (no buffering in the JVM), so a killed process loses
 * nothing it appended; call {@link #sync()} to survive a power loss too. Safe for concurrent appends.
 */
public final class RecordLog implements AutoCloseable {
    private static final byte[] MAGIC = {'T', 'S', 'C', 'K', 'L', 'O', 'G', '1'};
    private static final int MAX_RECORD_BYTES = 1 << 30;

    private final Path file;
    private final FileChannel channel;
    private final List<byte[]> recovered;

    private RecordLog(Path file, FileChannel channel, List<byte[]> recovered) {
        this.file = file;
        this.channel = channel;
        this.recovered = recovered;
    }

    /**
     * Opens a log, creating it if absent, and recovers its complete records.
     *
     * @param file the log file
     * @return the open log, positioned after its last complete record
     * @throws IOException if it cannot be read or written
     */
    public static RecordLog open(Path file) throws IOException {
        List<byte[]> records = new ArrayList<>();
        RecordLog log = open(file, records::add);
        return new RecordLog(file, log.channel, records);
    }

    /**
     * Receives the records recovered when a log is opened, one at a time.
     */
    @FunctionalInterface
    public interface Recovery {
        /**
         * @param record a complete record, in log order
         * @throws IOException if it cannot be decoded
         */
        void accept(byte[] record) throws IOException;
    }

    /**
     * Opens a log, creating it if absent, and hands its complete records to {@code recovery} one at a
     * time without keeping them ({@link #recovered()} is then empty): for logs too large to hold twice,
     * such as a million templates.
     *
     * @param file     the log file
     * @param recovery receives each complete record
     * @return the open log, positioned after its last complete record
     * @throws IOException if it cannot be read or written, or from {@code recovery}
     */
    public static RecordLog open(Path file, Recovery recovery) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long end = recover(channel, recovery);
            if (end < 0) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(MAGIC), 0);
                end = MAGIC.length;
            }
            channel.truncate(end);
            channel.position(end);
            return new RecordLog(file, channel, List.of());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Hands records to {@code recovery}; returns where the last complete one ends, or -1 if the header is bad. */
    private static long recover(FileChannel channel, Recovery recovery) throws IOException {
        long size = channel.size();
        ByteBuffer magic = ByteBuffer.allocate(MAGIC.length);
        if (size < MAGIC.length || readFully(channel, magic, 0) < MAGIC.length || !Arrays.equals(magic.array(), MAGIC)) {
            return -1;
        }
        long position = MAGIC.length;
        ByteBuffer prefix = ByteBuffer.allocate(8);
        while (position + 8 <= size) {
            prefix.clear();
            if (readFully(channel, prefix, position) < 8) {
                break;
            }
            int length = prefix.getInt(0);
            int crc = prefix.getInt(4);
            if (length < 0 || length > MAX_RECORD_BYTES || position + 8 + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            if (readFully(channel, body, position + 8) < length || crc(body.array()) != crc) {
                break;
            }
            recovery.accept(body.array());
            position += 8 + length;
        }
        return position;
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** @return the complete records found when the log was opened, in order */
    public List<byte[]> recovered() {
        return recovered;
    }

    /** @return the log file */
    public Path file() {
        return file;
    }

    /**
     * Appends one record.
     *
     * @param record its bytes
     * @throws IOException if it cannot be written
     */
    public void append(byte[] record) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 + record.length);
        buffer.putInt(record.length).putInt(crc(record)).put(record).flip();
        synchronized (this) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /**
     * Drops every record, for a writer that starts over.
     *
     * @throws IOException if the file cannot be truncated
     */
    public synchronized void reset() throws IOException {
        channel.truncate(MAGIC.length);
        channel.position(MAGIC.length);
    }

    /**
     * Forces appended records to the storage device.
     *
     * @throws IOException if that fails
     */
    public void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
