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
 * the list is streamed once into local files, memory-mapped read-only, so the heap holds neither the pairs nor an
 * object per pair whatever their number (only an int and a long per probe template). Rows group the pairs by probe
 * template, probes in order of first appearance and enrolments in list order within a row, as for an image-level
 * pair list: IJB's files are ordered by enrolment template, and a row per pair would cost one system call per
 * comparison instead of one per probe and block.
 *
 * <p>Files (native byte order, deleted once built or when the JVM exits): while building, each pair's probe and
 * enrolment index (8 bytes); then the enrolment index of each pair in row order (4 bytes) and, per row, its probe
 * index (4 bytes) and first pair (8 bytes). A plan is serializable as the two file names; it can be read wherever
 * those files are (the embedded backend, or Spark in local mode).
 */
final class TemplatePairsPlan implements ComparisonPlan {
    private static final long serialVersionUID = 1L;
    private static final int ROW_BYTES = 12;
    /** Pairs addressable by an int byte offset into the enrolment file. */
    static final long MAX_PAIRS = Integer.MAX_VALUE / 4;

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
        long[] perProbe = new long[ids.size()];
        int[] rowOfProbe = new int[ids.size()];
        java.util.Arrays.fill(rowOfProbe, -1);
        List<Integer> probeOfRow = new ArrayList<>();
        Path pairFile = Files.createTempFile("touchstone-pairs-", ".listed");
        Path enrolmentFile = Files.createTempFile("touchstone-pairs-", ".enrolments");
        Path rowFile = Files.createTempFile("touchstone-pairs-", ".rows");
        enrolmentFile.toFile().deleteOnExit();
        rowFile.toFile().deleteOnExit();
        long[] count = {0};
        try {
            // Pass 1: check each pair and keep it, in list order, as two ints in a local file.
            try (FileChannel out = FileChannel.open(pairFile, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
                try {
                    TemplateLists.pairs(pairsCsv, (line, enrolmentId, probeId, mated) -> {
                        int enrolment = known(index, enrolmentId, pairsCsv, line, "enrolment_template", templatesCsv);
                        int probe = known(index, probeId, pairsCsv, line, "probe_template", templatesCsv);
                        boolean sameSubject = subject[enrolment].equals(subject[probe]);
                        if (mated.isPresent() && mated.get() != sameSubject) {
                            throw new ProtocolException(new ProtocolProblem(pairsCsv.toString(), (int) line, 0, "mated",
                                    "says " + mated.get() + ", but the templates show subjects " + subject[enrolment]
                                            + " and " + subject[probe]));
                        }
                        if (count[0] == MAX_PAIRS) {
                            throw new ProtocolException(new ProtocolProblem(pairsCsv.toString(), (int) line, 0, null,
                                    "more than " + MAX_PAIRS + " pairs in one list are not supported"));
                        }
                        enrolmentRole.set(enrolment);
                        if (rowOfProbe[probe] < 0) {
                            rowOfProbe[probe] = probeOfRow.size();
                            probeOfRow.add(probe);
                        }
                        perProbe[probe]++;
                        count[0]++;
                        try {
                            if (buffer.remaining() < 8) {
                                drain(out, buffer);
                            }
                            buffer.putInt(probe).putInt(enrolment);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                drain(out, buffer);
            }
            if (count[0] == 0) {
                throw new ProtocolException(new ProtocolProblem(pairsCsv.toString(), 0, 0, null,
                        "the pair list has no pairs"));
            }
            // Row table: each probe's first pair, rows in order of first appearance.
            long[] next = new long[ids.size()];
            try (FileChannel out = FileChannel.open(rowFile, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocate(ROW_BYTES << 12).order(ByteOrder.nativeOrder());
                long first = 0;
                for (int probe : probeOfRow) {
                    next[probe] = first;
                    if (buffer.remaining() < ROW_BYTES) {
                        drain(out, buffer);
                    }
                    buffer.putInt(probe).putLong(first);
                    first += perProbe[probe];
                }
                drain(out, buffer);
            }
            // Pass 2: scatter each enrolment to its row's next slot (a counting sort, stable: list order in a row).
            try (FileChannel in = FileChannel.open(pairFile, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(enrolmentFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer mapped = out.map(FileChannel.MapMode.READ_WRITE, 0, count[0] * 4);
                ByteBuffer target = mapped.order(ByteOrder.nativeOrder());
                ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
                for (int read = 0; read >= 0; ) {
                    read = in.read(buffer);
                    buffer.flip();
                    while (buffer.remaining() >= 8) {
                        int probe = buffer.getInt();
                        target.putInt((int) (next[probe]++ * 4), buffer.getInt());
                    }
                    buffer.compact();
                }
                mapped.force();
            }
        } finally {
            Files.deleteIfExists(pairFile);
        }
        List<TemplateSpec> specs = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            List<Sample> samples = templates.get(ids.get(i));
            specs.add(new TemplateSpec(i, TemplateSpec.idOf(i), subject[i], samples, enrolmentRole.get(i),
                    rowOfProbe[i] >= 0));
        }
        return new VerificationPlan(List.copyOf(specs), new TemplatePairsPlan(enrolmentFile, rowFile,
                probeOfRow.size(), count[0]), 0, List.of());
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
