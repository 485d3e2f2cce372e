package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.touchstone.runformat.runjson.AnalysisEvaluation;
import org.touchstone.runformat.runjson.RunJsonFile;

/**
 * The lines {@code demo --real} ends with: each real system's sex accuracy by sex on the portraits, with
 * its interval, as its attributes run's {@code tables/groups.csv} states it (nothing is computed here),
 * at the protocol's first confidence threshold, the one {@code compare} ranks and tests at.
 */
final class RealComparisonSummary {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final String ATTRIBUTE = "sex";

    private RealComparisonSummary() {
    }

    /**
     * @param attributeRuns completed attributes runs, one per system
     * @param out           where the lines go
     * @throws IOException if a run's files cannot be read
     */
    static void sexBySex(List<Path> attributeRuns, PrintWriter out) throws IOException {
        if (attributeRuns.isEmpty()) {
            return;
        }
        double threshold = ((AnalysisEvaluation) RunJsonFile.read(attributeRuns.get(0).resolve(RunJsonFile.NAME)).run()
                .evaluation()).confidenceThresholds().get(0);
        String point = "confidence:" + threshold;
        out.printf(Locale.ROOT, "Sex accuracy by true sex on the real portraits (at confidence %s; 95%% Clopper-Pearson"
                + " intervals; from each run's tables/groups.csv):%n", threshold);
        for (Path run : attributeRuns) {
            StringBuilder line = new StringBuilder("  ").append(RunJsonFile.read(run.resolve(RunJsonFile.NAME)).run()
                    .system().id()).append(':');
            try (Reader in = Files.newBufferedReader(run.resolve("tables/groups.csv"), StandardCharsets.UTF_8);
                 CSVParser parser = CSV.parse(in)) {
                for (CSVRecord row : parser) {
                    if (row.get("attribute").equals(ATTRIBUTE) && row.get("group_column").equals(ATTRIBUTE)
                            && row.get("operating_point").equals(point)) {
                        line.append(String.format(Locale.ROOT, " %s %s/%s = %s [%s, %s];", row.get("group"),
                                row.get("correct"), row.get("decided"), percent(row.get("accuracy")),
                                percent(row.get("accuracy_ci95_lower")), percent(row.get("accuracy_ci95_upper"))));
                    }
                }
            }
            out.println(line);
        }
        out.println();
    }

    private static String percent(String fraction) {
        return fraction.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f%%", Double.parseDouble(fraction) * 100);
    }
}
