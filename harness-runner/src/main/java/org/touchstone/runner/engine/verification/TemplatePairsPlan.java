package org.touchstone.runner.engine.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolProblem;
import org.touchstone.protocols.TemplateLists;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.engine.stage.TemplateSpec;

/**
 * The pairs of a template-level pair list (IJB's 1:1 protocol: 15.6 million pairs on IJB-C), kept off the heap:
 * the list is streamed once into two local files, memory-mapped read-only, so the heap holds neither the pairs nor
 * an object per pair whatever their number. Rows are runs of consecutive pairs with the same probe template, in
 * the list's order, so {@code comparisons.csv} follows the list line for line.
 *
 * <p>Files (native byte order, deleted when the JVM exits): the enrolment template index of each pair (4 bytes),
 * and for each row its probe index (4 bytes) and first pair (8 bytes). A plan is serializable as the two file
 * names; it can be read wherever those files are (the embedded backend, or Spark in local mode).
 */
final class TemplatePairsPlan implements ComparisonPlan {
    private static final long serialVersionUID = 1L;
    private static final int ROW_BYTES = 12;
    /** Limits of one mapped buffer: rows and pairs addressable by an int byte offset. */
    static final long MAX_PAIRS = Integer.MAX_VALUE / ROW_BYTES;

    private final String enrolmentFile;
    private final String rowFile;
    private final int rows;
    private final long pairs;
    private transient volatile ByteBuffer enrolments;
    private transient volatile ByteBuffer rowTable;

    private TemplatePairsPlan(Path enrolmentFile, Path rowFile, int rows, long pairs) {
        this.enrolmentFile = enrolmentFile.toString();
        this.rowFile = rowFile.toString();
        this.rows = rows;
        this.pairs = pairs;
    }

    /**
     * Builds the plan of a templates list and a pair list.
     *
     * @param templatesCsv the templates list
     * @param pairsCsv     the pair list
     * @param manifest     the dataset
     * @return the templates (in the templates list's order, each flagged with the roles the pairs need) and pairs
     * @throws ProtocolException naming file and line: an unknown template, a {@code mated} cell the subjects
     *                           contradict, any problem of the lists' format, or no pairs
     * @throws IOException       if the local pair files cannot be written
     */
    static VerificationPlan build(Path templatesCsv, Path pairsCsv, DatasetManifest manifest)
            throws ProtocolException, IOException {
        Map<String, List<Sample>> templates = TemplateLists.templates(templatesCsv, manifest);
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>(templates.keySet());
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        String[] subject = ids.stream().map(id -> templates.get(id).get(0).subjectId()).toArray(String[]::new);
        BitSet enrolmentRole = new BitSet(ids.size());
        BitSet probeRole = new BitSet(ids.size());
        Path enrolmentFile = Files.createTempFile("touchstone-pairs-", ".enrolments");
        Path rowFile = Files.createTempFile("touchstone-pairs-", ".rows");
        enrolmentFile.toFile().deleteOnExit();
        rowFile.toFile().deleteOnExit();
        long[] counts = {0, 0}; // pairs, rows
        int[] lastProbe = {-1};
        try (FileChannel enrolmentOut = FileChannel.open(enrolmentFile, StandardOpenOption.WRITE);
             FileChannel rowOut = FileChannel.open(rowFile, StandardOpenOption.WRITE)) {
            ByteBuffer enrolmentBuffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
            ByteBuffer rowBuffer = ByteBuffer.allocate(ROW_BYTES << 12).order(ByteOrder.nativeOrder());
            try {
                TemplateLists.pairs(pairsCsv, (line, enrolmentId, probeId, mated) -> {
                    int enrolment = known(index, enrolmentId, pairsCsv, line, "enrolment_template", templatesCsv);
                    int probe = known(index, probeId, pairsCsv, line, "probe_template", templatesCsv);
                    boolean sameSubject = subject[enrolment].equals(subject[probe]);
                    if (mated.isPresent() && mated.get() != sameSubject) {
                        throw new ProtocolException(new ProtocolProblem(pairsCsv.toString(), (int) line, 0, "mated",
                                "says " + mated.get() + ", but the templates show subjects " + subject[enrolment] + " and "
                                        + subject[probe]));
                    }
                    if (counts[0] == MAX_PAIRS) {
                        throw new ProtocolException(new ProtocolProblem(pairsCsv.toString(), (int) line, 0, null,
                                "more than " + MAX_PAIRS + " pairs in one list are not supported"));
                    }
                    enrolmentRole.set(enrolment);
                    probeRole.set(probe);
                    try {
                        if (probe != lastProbe[0]) {
                            put(rowOut, rowBuffer.putInt(probe).putLong(counts[0]), ROW_BYTES);
                            lastProbe[0] = probe;
                            counts[1]++;
                        }
                        put(enrolmentOut, enrolmentBuffer.putInt(enrolment), 4);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    counts[0]++;
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            drain(enrolmentOut, enrolmentBuffer);
            drain(rowOut, rowBuffer);
        }
        if (counts[0] == 0) {
            throw new ProtocolException(new ProtocolProblem(pairsCsv.toString(), 0, 0, null, "the pair list has no pairs"));
        }
        List<TemplateSpec> specs = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            List<Sample> samples = templates.get(ids.get(i));
            specs.add(new TemplateSpec(i, TemplateSpec.idOf(i), subject[i], samples, enrolmentRole.get(i),
                    probeRole.get(i)));
        }
        return new VerificationPlan(List.copyOf(specs), new TemplatePairsPlan(enrolmentFile, rowFile,
                Math.toIntExact(counts[1]), counts[0]), 0);
    }

    private static int known(Map<String, Integer> index, String id, Path pairs, long line, String column,
                             Path templatesCsv) throws ProtocolException {
        Integer i = index.get(id);
        if (i == null) {
            throw new ProtocolException(new ProtocolProblem(pairs.toString(), (int) line, 0, column,
                    "unknown template '" + id + "', not in " + templatesCsv.getFileName()));
        }
        return i;
    }

    /** Appends through a buffer, writing it out when the next entry would not fit. */
    private static void put(FileChannel out, ByteBuffer buffer, int entry) throws IOException {
        if (buffer.remaining() < entry) {
            drain(out, buffer);
        }
    }

    private static void drain(FileChannel out, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    private ByteBuffer enrolments() {
        ByteBuffer b = enrolments;
        if (b == null) {
            b = enrolments = map(enrolmentFile);
        }
        return b;
    }

    private ByteBuffer rowTable() {
        ByteBuffer b = rowTable;
        if (b == null) {
            b = rowTable = map(rowFile);
        }
        return b;
    }

    private static ByteBuffer map(String file) {
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return mapped.order(ByteOrder.nativeOrder());
        } catch (IOException e) {
            throw new UncheckedIOException("the plan's pair file " + file + " cannot be read", e);
        }
    }

    private long first(int row) {
        return row == rows ? pairs : rowTable().getLong(row * ROW_BYTES + 4);
    }

    @Override
    public int rowCount() {
        return rows;
    }

    @Override
    public int probe(int row) {
        return rowTable().getInt(row * ROW_BYTES);
    }

    @Override
    public int enrolmentCount(int row) {
        return (int) (first(row + 1) - first(row));
    }

    @Override
    public int enrolment(int row, int k) {
        return enrolments().getInt((int) ((first(row) + k) * 4));
    }

    @Override
    public long pairCount() {
        return pairs;
    }
}
