package org.touchstone.protocols.dataset;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.touchstone.runformat.io.AtomicFiles;

/**
 * Writes a dataset manifest (see {@code docs/dataset-manifest.md}). Output is deterministic: columns in
 * a fixed order (required ones, then labels, groups sorted by name), rows in the order given, {@code \n}
 * line ends. The file is written to a temporary name and moved into place, so a manifest that exists is
 * always complete.
 */
public final class ManifestWriter {
    /** The first comment line of every manifest this version writes. */
    public static final String FORMAT_LINE = "# touchstone-manifest 1";

    private ManifestWriter() {
    }

    /**
     * @param manifest where to write
     * @param comments extra comment lines (without the leading '#'), e.g. the generator and seed
     * @param samples  the rows
     * @throws IOException if the file cannot be written
     */
    public static void write(Path manifest, List<String> comments, List<Sample> samples) throws IOException {
        TreeSet<String> labelNames = new TreeSet<>();
        TreeSet<String> groupNames = new TreeSet<>();
        for (Sample s : samples) {
            labelNames.addAll(s.labels().keySet());
            groupNames.addAll(s.groups().keySet());
        }
        List<String> columns = new ArrayList<>(ManifestLoader.REQUIRED_COLUMNS);
        labelNames.forEach(n -> columns.add(ManifestLoader.LABEL_PREFIX + n));
        groupNames.forEach(n -> columns.add(ManifestLoader.GROUP_PREFIX + n));

        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        columns.forEach(schema::addColumn);
        // Quote a value only when it needs it, so every row looks alike (Jackson otherwise quotes long values unchecked).
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

        AtomicFiles.write(manifest, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.write(FORMAT_LINE + "\n");
            for (String c : comments) {
                if (c.contains("\n") || c.contains("\r")) {
                    throw new IllegalArgumentException("manifest comment must be one line: " + c);
                }
                out.write("# " + c + "\n");
            }
            try (SequenceWriter rows = mapper.writer(schema.build()).writeValues(out)) {
                for (Sample s : samples) {
                    List<String> row = new ArrayList<>(columns.size());
                    row.add(s.sampleId());
                    row.add(s.subjectId());
                    row.add(s.path());
                    row.add(s.sha256());
                    labelNames.forEach(n -> row.add(valueOrEmpty(s.labels(), n)));
                    groupNames.forEach(n -> row.add(valueOrEmpty(s.groups(), n)));
                    rows.write(row);
                }
            }
            // Closing the rows closed (and flushed) the writer and the stream beneath it.
        });
    }

    private static String valueOrEmpty(Map<String, String> map, String key) {
        String v = map.get(key);
        return v == null ? "" : v;
    }
}
