package org.touchstone.reports.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.runformat.RunDirectoryException;

/**
 * The comparisons of a score file once parsed, in file order, as subject numbers and scores, so that the
 * two streaming passes of {@link ComparisonRouter} replay 16 bytes a comparison instead of parsing the
 * text again. Memory is bounded: past a budget (an eighth of the heap, at most 256 MB) further chunks go
 * to a temporary file, deleted on {@link #close()}, which the passes read back in order.
 */
final class ScoreRecords implements Closeable {
    /** Comparisons per chunk. */
    static final int CHUNK = 1 << 16;
    private static final int RECORD_BYTES = 16;

    /** Receives one comparison: subject numbers, and the score or NaN when the comparison failed. */
    interface Visitor {
        void accept(int enrolmentSubject, int probeSubject, double score) throws RunDirectoryException;
    }

    private final long memoryBudgetChunks;
    private final List<Chunk> inMemory = new ArrayList<>();
    private Chunk current = new Chunk();
    private Path spillFile;
    private FileChannel spill;
    private ByteBuffer spillBuffer;
    private long spilledChunks;
    private long size;

    private static final class Chunk {
        final int[] enrolment = new int[CHUNK];
        final int[] probe = new int[CHUNK];
        final double[] score = new double[CHUNK];
        int size;
    }

    /**
     * Records kept in memory up to an eighth of the heap, at most 256 MB: the streaming passes need the
     * rest (under -Xmx512m, a 1e8-line file's bootstrap tail alone takes 200 MB while it is sorted).
     */
    ScoreRecords() {
        this(Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));
    }

    /**
     * @param memoryBudgetBytes bytes of comparisons held in memory before the rest goes to a temporary file
     */
    ScoreRecords(long memoryBudgetBytes) {
        this.memoryBudgetChunks = Math.max(1, memoryBudgetBytes / ((long) CHUNK * RECORD_BYTES));
    }

    /**
     * Appends a comparison.
     *
     * @param enrolmentSubject subject number of the enrolment side
     * @param probeSubject     subject number of the probe side
     * @param score            the score, or NaN for a failed comparison
     * @throws IOException when the temporary file cannot be written
     */
    void add(int enrolmentSubject, int probeSubject, double score) throws IOException {
        Chunk chunk = current;
        int i = chunk.size;
        chunk.enrolment[i] = enrolmentSubject;
        chunk.probe[i] = probeSubject;
        chunk.score[i] = score;
        chunk.size = i + 1;
        size++;
        if (chunk.size == CHUNK) {
            store(chunk);
        }
    }

    private void store(Chunk chunk) throws IOException {
        if (inMemory.size() < memoryBudgetChunks) {
            inMemory.add(chunk);
            current = new Chunk();
            return;
        }
        if (spill == null) {
            spillFile = Files.createTempFile("touchstone-scores", ".bin");
            spill = FileChannel.open(spillFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            spillBuffer = ByteBuffer.allocateDirect(CHUNK * RECORD_BYTES).order(ByteOrder.nativeOrder());
        }
        ByteBuffer buffer = spillBuffer.clear();
        for (int i = 0; i < chunk.size; i++) {
            buffer.putInt(chunk.enrolment[i]).putInt(chunk.probe[i]).putDouble(chunk.score[i]);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            spill.write(buffer);
        }
        spilledChunks++;
        chunk.size = 0;
    }

    /**
     * The number of comparisons.
     *
     * @return the count
     */
    long size() {
        return size;
    }

    /**
     * Whether some comparisons went to the temporary file.
     *
     * @return true past the memory budget
     */
    boolean spilled() {
        return spilledChunks > 0;
    }

    /**
     * Streams every comparison, in the order added.
     *
     * @param visitor receives each
     * @throws IOException when the visitor rejects one or the temporary file cannot be read
     */
    void replay(Visitor visitor) throws IOException {
        for (Chunk chunk : inMemory) {
            replay(chunk, visitor);
        }
        if (spill != null) {
            Chunk chunk = new Chunk();
            long position = 0;
            for (long c = 0; c < spilledChunks; c++) {
                ByteBuffer buffer = spillBuffer.clear();
                while (buffer.hasRemaining()) {
                    int read = spill.read(buffer, position + buffer.position());
                    if (read < 0) {
                        throw new UncheckedIOException(new IOException("temporary score file " + spillFile
                                + " ended early"));
                    }
                }
                position += buffer.capacity();
                buffer.flip();
                for (int i = 0; i < CHUNK; i++) {
                    chunk.enrolment[i] = buffer.getInt();
                    chunk.probe[i] = buffer.getInt();
                    chunk.score[i] = buffer.getDouble();
                }
                chunk.size = CHUNK;
                replay(chunk, visitor);
            }
        }
        replay(current, visitor);
    }

    private static void replay(Chunk chunk, Visitor visitor) throws RunDirectoryException {
        int[] enrolment = chunk.enrolment;
        int[] probe = chunk.probe;
        double[] score = chunk.score;
        for (int i = 0; i < chunk.size; i++) {
            visitor.accept(enrolment[i], probe[i], score[i]);
        }
    }

    @Override
    public void close() throws IOException {
        inMemory.clear();
        current.size = 0;
        if (spill != null) {
            spill.close();
            spill = null;
        }
    }
}
