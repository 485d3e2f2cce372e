package org.touchstone.reports.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.runformat.RunDirectoryException;

/**
 * The score file reader as it was before {@link ScoreFile#parse} (a line at a time, a regular expression
 * a line, {@code Double.parseDouble}), kept as the reference the new parser must agree with.
 */
final class LineByLineScoreReader {
    /** One comparison as the reference read it. */
    record Comparison(String enrolment, String probe, boolean scored, long scoreBits) {
    }

    private LineByLineScoreReader() {
    }

    static List<Comparison> read(Path file, ScoreFile.Format format) throws IOException {
        List<Comparison> comparisons = new ArrayList<>();
        if (format == ScoreFile.Format.TOUCHSTONE) {
            try (CsvTable table = CsvTable.open(file, List.of("enrolment_subject", "probe_subject", "score"))) {
                int enrolment = table.column("enrolment_subject");
                int probe = table.column("probe_subject");
                int score = table.column("score");
                while (table.next()) {
                    for (int column : new int[] {enrolment, probe}) {
                        if (table.get(column).isEmpty()) {
                            throw table.error(column, "expected a non-empty subject id");
                        }
                    }
                    boolean scored = !table.get(score).isEmpty();
                    comparisons.add(new Comparison(table.get(enrolment), table.get(probe), scored,
                            scored ? Double.doubleToLongBits(table.finiteDecimal(score)) : 0));
                }
            }
            return comparisons;
        }
        int fields = format == ScoreFile.Format.BOB4 ? 4 : 5;
        int probeField = format == ScoreFile.Format.BOB4 ? 1 : 2;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length != fields) {
                    throw new RunDirectoryException(file, number, 0, null, "expected " + fields + " fields ("
                            + (fields == 4 ? "claimed_id real_id test_label score" : "claimed_id model_label real_id"
                            + " test_label score") + "), found " + parts.length);
                }
                double score = CsvTable.parseFiniteDecimal(parts[fields - 1]);
                if (Double.isNaN(score)) {
                    throw new RunDirectoryException(file, number, fields, "score",
                            "expected a finite decimal number, found \"" + parts[fields - 1] + "\"");
                }
                comparisons.add(new Comparison(parts[0], parts[probeField], true, Double.doubleToLongBits(score)));
            }
        }
        return comparisons;
    }
}
