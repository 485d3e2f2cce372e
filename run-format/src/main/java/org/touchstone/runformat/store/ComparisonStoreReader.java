package org.touchstone.runformat.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.touchstone.api.FailureCode;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.columns.ComparisonsCsv;

/**
 * Reads {@value ComparisonStore#FILE} batch by batch: {@link #nextBatch} loads the next record batch, then
 * the row accessors read its rows by index, without an object per row. Dictionary values are looked up by
 * their text, so a file written by another program (for example pyarrow, with its own dictionary order)
 * reads the same. Any malformed content is a {@link RunDirectoryException} naming the file, and the batch
 * and row where that applies.
 */
public final class ComparisonStoreReader implements AutoCloseable {
    private final Path file;
    private final BufferAllocator allocator = new RootAllocator();
    private final InputStream in;
    private final ArrowStreamReader reader;
    private IntVector enrolment;
    private IntVector probe;
    private BaseIntVector status;
    private BaseIntVector failureCode;
    private VarCharVector failureMessage;
    private Float8Vector score;
    private BigIntVector latency;
    private ComparisonsCsv.Status[] statusOf;
    private FailureCode[] failureCodeOf;
    private long batch = -1;
    private long rowsBefore;
    private int rows;

    private ComparisonStoreReader(InputStream in, Path file) throws IOException {
        this.file = file;
        this.in = in;
        try {
            this.reader = new ArrowStreamReader(in, allocator, CommonsCompressionFactory.INSTANCE);
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            enrolment = column(root, ComparisonStore.ENROLMENT_TEMPLATE, IntVector.class);
            probe = column(root, ComparisonStore.PROBE_TEMPLATE, IntVector.class);
            status = column(root, ComparisonStore.STATUS, BaseIntVector.class);
            failureCode = column(root, ComparisonStore.FAILURE_CODE, BaseIntVector.class);
            failureMessage = column(root, ComparisonStore.FAILURE_MESSAGE, VarCharVector.class);
            score = column(root, ComparisonStore.SCORE, Float8Vector.class);
            latency = column(root, ComparisonStore.LATENCY_NS, BigIntVector.class);
        } catch (IOException | RuntimeException e) {
            close();
            if (e instanceof RunDirectoryException r) {
                throw r;
            }
            throw new RunDirectoryException(file, 0, 0, null, "expected an Arrow IPC stream of comparisons ("
                    + e + ")");
        }
    }

    /**
     * Opens a store and checks its schema.
     *
     * @param file the file
     * @return the reader, before its first batch
     * @throws RunDirectoryException when it is not a store of comparisons
     * @throws IOException           when it cannot be read
     */
    public static ComparisonStoreReader open(Path file) throws IOException {
        return new ComparisonStoreReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), file);
    }

    /**
     * Reads a store from a stream (for example what a resumed run committed); a stream that ends between
     * two batches, without the end-of-stream marker, reads as ending there.
     *
     * @param in   the stream, closed with the reader
     * @param file the file it comes from, for messages
     * @return the reader, before its first batch
     * @throws RunDirectoryException when it is not a store of comparisons
     * @throws IOException           when it cannot be read
     */
    public static ComparisonStoreReader open(InputStream in, Path file) throws IOException {
        return new ComparisonStoreReader(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16),
                file);
    }

    private <T> T column(VectorSchemaRoot root, String name, Class<T> type) throws RunDirectoryException {
        FieldVector vector = root.getVector(name);
        if (vector == null) {
            throw fileError(name, "missing column; expected the columns " + ComparisonStore.COLUMNS);
        }
        if (!type.isInstance(vector)) {
            throw fileError(name, "has type " + vector.getField().getType()
                    + ", not the type docs/run-directory.md gives it");
        }
        return type.cast(vector);
    }

    /**
     * Loads the next record batch.
     *
     * @return false at the end of the stream
     * @throws RunDirectoryException when the batch is malformed or the stream is cut short
     * @throws IOException           when it cannot be read
     */
    public boolean nextBatch() throws IOException {
        rowsBefore += rows;
        boolean loaded;
        try {
            loaded = reader.loadNextBatch();
        } catch (IOException | RuntimeException e) {
            throw new RunDirectoryException(file, rowsBefore + 1, 0, null, "record batch " + (batch + 1)
                    + " cannot be read, or the stream is cut short (" + e + ")");
        }
        if (!loaded) {
            rows = 0;
            return false;
        }
        batch++;
        rows = reader.getVectorSchemaRoot().getRowCount();
        if (statusOf == null) {
            statusOf = statuses();
            failureCodeOf = failureCodes();
        }
        return true;
    }

    /** The text of each dictionary value of a dictionary-encoded column. */
    private String[] dictionary(String column, FieldVector indexes) throws RunDirectoryException {
        Field field = indexes.getField();
        Dictionary dictionary = field.getDictionary() == null ? null : reader.lookup(field.getDictionary().getId());
        if (dictionary == null) {
            throw fileError(column, "is not dictionary-encoded");
        }
        FieldVector values = dictionary.getVector();
        if (!(values instanceof VarCharVector text)) {
            throw fileError(column, "has a dictionary that is not utf8 text");
        }
        String[] texts = new String[text.getValueCount()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = text.isNull(i) ? "" : new String(text.get(i), StandardCharsets.UTF_8);
        }
        return texts;
    }

    private ComparisonsCsv.Status[] statuses() throws RunDirectoryException {
        String[] texts = dictionary(ComparisonStore.STATUS, (FieldVector) status);
        ComparisonsCsv.Status[] constants = new ComparisonsCsv.Status[texts.length];
        for (int i = 0; i < texts.length; i++) {
            for (ComparisonsCsv.Status s : ComparisonsCsv.Status.values()) {
                if (s.text().equals(texts[i])) {
                    constants[i] = s;
                }
            }
            if (constants[i] == null) {
                throw fileError(ComparisonStore.STATUS, "has \"" + texts[i] + "\" in its dictionary; expected "
                        + ComparisonStore.statusTexts());
            }
        }
        return constants;
    }

    private FailureCode[] failureCodes() throws RunDirectoryException {
        String[] texts = dictionary(ComparisonStore.FAILURE_CODE, (FieldVector) failureCode);
        FailureCode[] constants = new FailureCode[texts.length];
        for (int i = 0; i < texts.length; i++) {
            try {
                constants[i] = FailureCode.valueOf(texts[i]);
            } catch (IllegalArgumentException e) {
                throw fileError(ComparisonStore.FAILURE_CODE, "has the unknown failure code \"" + texts[i]
                        + "\" in its dictionary");
            }
        }
        return constants;
    }

    private RunDirectoryException fileError(String column, String problem) {
        return new RunDirectoryException(file, 0, 0, column, problem);
    }

    /** @return rows in the current batch */
    public int rows() {
        return rows;
    }

    /** @return rows in the batches before the current one */
    public long rowsBefore() {
        return rowsBefore;
    }

    /**
     * @param row row of the current batch
     * @return the enrolment template's row index in templates.csv
     */
    public int enrolment(int row) {
        return enrolment.get(row);
    }

    /**
     * @param row row of the current batch
     * @return the probe template's row index in templates.csv
     */
    public int probe(int row) {
        return probe.get(row);
    }

    /**
     * @param row row of the current batch
     * @return its status
     * @throws RunDirectoryException when it is null or outside the dictionary
     */
    public ComparisonsCsv.Status status(int row) throws RunDirectoryException {
        return lookUp(statusOf, status, row, ComparisonStore.STATUS, false);
    }

    /**
     * @param row row of the current batch
     * @return its failure code, or null
     * @throws RunDirectoryException when outside the dictionary
     */
    public FailureCode failureCode(int row) throws RunDirectoryException {
        return lookUp(failureCodeOf, failureCode, row, ComparisonStore.FAILURE_CODE, true);
    }

    private <E> E lookUp(E[] constants, BaseIntVector indexes, int row, String column, boolean nullable)
            throws RunDirectoryException {
        if (((FieldVector) indexes).isNull(row)) {
            if (nullable) {
                return null;
            }
            throw error(row, column, "is null");
        }
        long index = indexes.getValueAsLong(row);
        if (index < 0 || index >= constants.length) {
            throw error(row, column, "has dictionary index " + index + " outside its " + constants.length + " values");
        }
        return constants[(int) index];
    }

    /**
     * @param row row of the current batch
     * @return the failure's message, or null
     */
    public String failureMessage(int row) {
        return failureMessage.isNull(row) ? null : new String(failureMessage.get(row), StandardCharsets.UTF_8);
    }

    /**
     * @param row row of the current batch
     * @return true when the score is present
     */
    public boolean hasScore(int row) {
        return !score.isNull(row);
    }

    /**
     * @param row row of the current batch, with a score
     * @return the score
     */
    public double score(int row) {
        return score.get(row);
    }

    /**
     * @param row row of the current batch
     * @return the latency, or -1 when it is null
     */
    public long latencyNs(int row) {
        return latency.isNull(row) ? -1 : latency.get(row);
    }

    /**
     * An error about one row, naming the file, its row number over the whole file (1 = first) and column.
     *
     * @param row     row of the current batch
     * @param column  the column
     * @param problem what is wrong
     * @return the exception to throw
     */
    public RunDirectoryException error(int row, String column, String problem) {
        return new RunDirectoryException(file, rowsBefore + row + 1, 0, column, problem);
    }

    /** @return the file read */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            in.close();
            allocator.close();
        }
    }
}
