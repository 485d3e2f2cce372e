package org.touchstone.runformat.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.DictionaryUtility;
import org.touchstone.api.FailureCode;
import org.touchstone.runformat.columns.ComparisonsCsv;

/**
 * Writes {@value ComparisonStore#FILE} row by row into an output stream: rows are buffered in Arrow
 * vectors and written as a compressed record batch every {@link ComparisonStore#BATCH_ROWS} rows and at
 * each {@link #flush}. A stream cut back to the length it had after a {@link #flush} (a resumed run's
 * checkpoint) is continued by {@link #continuing}; {@link #finish} writes the end-of-stream marker.
 *
 * <p>Messages are written with Arrow's {@link MessageSerializer} rather than {@link ArrowStreamWriter},
 * because the latter always starts with the schema and cannot continue a stream already begun. Not thread
 * safe.
 */
public final class ComparisonStoreWriter implements AutoCloseable {
    private static final byte OK = (byte) ComparisonsCsv.Status.OK.ordinal();

    private final BufferAllocator allocator = new RootAllocator();
    private final VectorSchemaRoot root = VectorSchemaRoot.create(ComparisonStore.indexSchema(), allocator);
    private final IntVector enrolment = (IntVector) root.getVector(ComparisonStore.ENROLMENT_TEMPLATE);
    private final IntVector probe = (IntVector) root.getVector(ComparisonStore.PROBE_TEMPLATE);
    private final TinyIntVector status = (TinyIntVector) root.getVector(ComparisonStore.STATUS);
    private final TinyIntVector failureCode = (TinyIntVector) root.getVector(ComparisonStore.FAILURE_CODE);
    private final VarCharVector failureMessage = (VarCharVector) root.getVector(ComparisonStore.FAILURE_MESSAGE);
    private final Float8Vector score = (Float8Vector) root.getVector(ComparisonStore.SCORE);
    private final BigIntVector latency = (BigIntVector) root.getVector(ComparisonStore.LATENCY_NS);
    private final CompressionCodec codec = ComparisonStore.codec();
    // Rows are buffered in plain arrays and copied into the vectors in bulk per batch: Arrow's per-value
    // setters (a bounds check and a validity bit each) cost several times the copy (measured).
    private final int[] enrolmentRows = new int[ComparisonStore.BATCH_ROWS];
    private final int[] probeRows = new int[ComparisonStore.BATCH_ROWS];
    private final byte[] statuses = new byte[ComparisonStore.BATCH_ROWS];
    private final double[] scores = new double[ComparisonStore.BATCH_ROWS];
    private final long[] latencies = new long[ComparisonStore.BATCH_ROWS];
    /** The failed rows of the batch (few): their row, failure code ordinal and message. */
    private final List<int[]> failedRows = new ArrayList<>();
    private final List<String> failedMessages = new ArrayList<>();
    private final OutputStream out;
    private final WriteChannel channel;
    private int rows;
    private long written;

    private ComparisonStoreWriter(OutputStream out) {
        this.out = out;
        this.channel = new WriteChannel(Channels.newChannel(out));
        allocateBatch();
    }

    /**
     * Starts a new file: writes the schema and the dictionaries.
     *
     * @param out where the file goes; not closed by this writer
     * @return the writer
     * @throws IOException when writing fails
     */
    public static ComparisonStoreWriter start(OutputStream out) throws IOException {
        ComparisonStoreWriter writer = new ComparisonStoreWriter(out);
        writer.writeHeader();
        return writer;
    }

    /**
     * Continues a file whose schema, dictionaries and earlier batches are already in the stream (a
     * resumed run writes after the last length it committed, which always ends between two messages).
     *
     * @param out the stream positioned at the end of what was committed; not closed by this writer
     * @return the writer
     */
    public static ComparisonStoreWriter continuing(OutputStream out) {
        return new ComparisonStoreWriter(out);
    }

    private void writeHeader() throws IOException {
        try (Dictionaries dictionaries = new Dictionaries(allocator)) {
            Set<Long> used = new HashSet<>();
            List<Field> fields = new ArrayList<>();
            for (Field field : root.getSchema().getFields()) {
                fields.add(DictionaryUtility.toMessageFormat(field, dictionaries.provider, used));
            }
            MessageSerializer.serialize(channel, new Schema(fields), IpcOption.DEFAULT);
            for (Dictionary dictionary : dictionaries.all) {
                FieldVector values = dictionary.getVector();
                VectorSchemaRoot valuesRoot = new VectorSchemaRoot(List.of(values.getField()), List.of(values),
                        values.getValueCount());
                try (ArrowRecordBatch batch = new VectorUnloader(valuesRoot, true, codec, true).getRecordBatch();
                     ArrowDictionaryBatch dictionaryBatch = new ArrowDictionaryBatch(
                             dictionary.getEncoding().getId(), batch, false)) {
                    MessageSerializer.serialize(channel, dictionaryBatch, IpcOption.DEFAULT);
                }
            }
        }
        out.flush();
    }

    /**
     * Adds a scored comparison.
     *
     * @param enrolmentRow row index of the enrolment template in templates.csv
     * @param probeRow     row index of the probe template
     * @param similarity   the score
     * @param latencyNs    its latency
     * @throws IOException when a full batch cannot be written
     */
    public void addScored(int enrolmentRow, int probeRow, double similarity, long latencyNs) throws IOException {
        int i = rows;
        enrolmentRows[i] = enrolmentRow;
        probeRows[i] = probeRow;
        statuses[i] = OK;
        scores[i] = similarity;
        latencies[i] = latencyNs;
        if (++rows == ComparisonStore.BATCH_ROWS) {
            writeBatch();
        }
    }

    /**
     * Adds a comparison that was not scored.
     *
     * @param enrolmentRow row index of the enrolment template in templates.csv
     * @param probeRow     row index of the probe template
     * @param outcome      {@code COMPARISON_FAILED} or {@code TEMPLATE_FAILED}
     * @param code         the failure code
     * @param message      what the failure said, or null
     * @param latencyNs    its latency, or a negative number when it was not compared
     * @throws IOException when a full batch cannot be written
     */
    public void addFailed(int enrolmentRow, int probeRow, ComparisonsCsv.Status outcome, FailureCode code,
                          String message, long latencyNs) throws IOException {
        if (outcome == ComparisonsCsv.Status.OK) {
            throw new IllegalArgumentException("a failed comparison needs a failed status");
        }
        int i = rows;
        enrolmentRows[i] = enrolmentRow;
        probeRows[i] = probeRow;
        statuses[i] = (byte) outcome.ordinal();
        // A null slot's value is 0, as Arrow's own setters leave it.
        scores[i] = 0;
        latencies[i] = Math.max(0, latencyNs);
        failedRows.add(new int[] {i, code.ordinal(), latencyNs < 0 ? 1 : 0});
        failedMessages.add(message == null || message.isEmpty() ? null : message);
        if (++rows == ComparisonStore.BATCH_ROWS) {
            writeBatch();
        }
    }

    /**
     * Writes the buffered rows as a record batch and flushes the stream: after it, the stream's length is
     * a point a resumed run may continue from.
     *
     * @throws IOException when writing fails
     */
    public void flush() throws IOException {
        if (rows > 0) {
            writeBatch();
        }
        out.flush();
    }

    /**
     * Writes the buffered rows and the end-of-stream marker.
     *
     * @throws IOException when writing fails
     */
    public void finish() throws IOException {
        flush();
        ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
        out.flush();
    }

    /** @return rows written or buffered so far by this writer */
    public long rows() {
        return written + rows;
    }

    private void writeBatch() throws IOException {
        fillVectors();
        root.setRowCount(rows);
        try (ArrowRecordBatch batch = new VectorUnloader(root, true, codec, true).getRecordBatch()) {
            MessageSerializer.serialize(channel, batch, IpcOption.DEFAULT);
        }
        written += rows;
        rows = 0;
        failedRows.clear();
        failedMessages.clear();
        allocateBatch();
    }

    /** Copies the buffered rows into the vectors: whole arrays at once, then the few failed rows one by one. */
    private void fillVectors() {
        int n = rows;
        enrolment.getDataBuffer().nioBuffer(0, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(enrolmentRows, 0, n);
        probe.getDataBuffer().nioBuffer(0, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(probeRows, 0, n);
        status.getDataBuffer().setBytes(0, statuses, 0, n);
        score.getDataBuffer().nioBuffer(0, 8 * n).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(scores, 0, n);
        latency.getDataBuffer().nioBuffer(0, 8 * n).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(latencies, 0, n);
        for (BaseFixedWidthVector vector : List.of(enrolment, probe, status, score, latency)) {
            vector.getValidityBuffer().setOne(0L, n / 8);
            for (int row = n / 8 * 8; row < n; row++) {
                BitVectorHelper.setBit(vector.getValidityBuffer(), row);
            }
        }
        for (int k = 0; k < failedRows.size(); k++) {
            int row = failedRows.get(k)[0];
            score.setNull(row);
            if (failedRows.get(k)[2] == 1) {
                latency.setNull(row);
            }
            failureCode.set(row, (byte) failedRows.get(k)[1]);
            String message = failedMessages.get(k);
            if (message != null) {
                failureMessage.setSafe(row, message.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Fresh, zeroed buffers for the next batch (nulls are the zero validity bits left unset). */
    private void allocateBatch() {
        for (FieldVector vector : root.getFieldVectors()) {
            vector.clear();
            if (vector instanceof VarCharVector text) {
                text.allocateNew(ComparisonStore.BATCH_ROWS);
            } else {
                vector.setInitialCapacity(ComparisonStore.BATCH_ROWS);
                vector.allocateNew();
            }
        }
    }

    /** Releases the buffers; does not write the end-of-stream marker or close the output stream. */
    @Override
    public void close() {
        root.close();
        allocator.close();
    }

    /** The two dictionaries, built for writing the header and released after. */
    private static final class Dictionaries implements AutoCloseable {
        final List<Dictionary> all = new ArrayList<>();
        final DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();

        Dictionaries(BufferAllocator allocator) {
            add(allocator, ComparisonStore.STATUS_DICTIONARY, ComparisonStore.STATUS, ComparisonStore.statusTexts());
            add(allocator, ComparisonStore.FAILURE_CODE_DICTIONARY, ComparisonStore.FAILURE_CODE,
                    ComparisonStore.failureCodeNames());
        }

        private void add(BufferAllocator allocator, long id, String name, List<String> values) {
            VarCharVector vector = new VarCharVector(name, allocator);
            vector.allocateNew(values.size());
            for (int i = 0; i < values.size(); i++) {
                vector.setSafe(i, values.get(i).getBytes(StandardCharsets.UTF_8));
            }
            vector.setValueCount(values.size());
            Dictionary dictionary = new Dictionary(vector, new org.apache.arrow.vector.types.pojo.DictionaryEncoding(
                    id, false, new org.apache.arrow.vector.types.pojo.ArrowType.Int(8, true)));
            all.add(dictionary);
            provider.put(dictionary);
        }

        @Override
        public void close() {
            all.forEach(d -> d.getVector().close());
        }
    }
}
