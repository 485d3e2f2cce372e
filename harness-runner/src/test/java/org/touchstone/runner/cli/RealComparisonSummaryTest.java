package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/**
 * The sex-by-sex lines {@code demo --real} ends with, on a synthetic attributes run: the counts it prints
 * per true sex are those counted here from the run's raw files (truth in analyses.csv, the first face's
 * estimate in estimates.csv, decided at confidence 0.5).
 */
class RealComparisonSummaryTest {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    @Test
    void printsEachSystemsSexAccuracyByTrueSexAsItsRawFilesCountIt(@TempDir Path tmp) throws IOException {
        StringWriter log = new StringWriter();
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(log, true));
        cli.setErr(new PrintWriter(log, true));
        assertThat(cli.execute("demo", "--subjects", "40", "--images", "1", "--only", "attributes", "--out",
                tmp.resolve("demo").toString(), "--data-dir", tmp.resolve("data").toString())).as(log.toString()).isZero();
        Path run = tmp.resolve("demo/attributes");

        Map<String, String> estimated = new HashMap<>();
        for (CSVRecord e : rows(run.resolve("estimates.csv"))) {
            if (e.get("attribute").equals("sex") && Double.parseDouble(e.get("confidence")) >= 0.5) {
                estimated.put(e.get("sample_id"), e.get("label"));
            }
        }
        Map<String, int[]> counts = new HashMap<>(); // per true sex: correct, decided
        for (CSVRecord a : rows(run.resolve("analyses.csv"))) {
            String truth = a.get("label:sex");
            int[] c = counts.computeIfAbsent(truth, t -> new int[2]);
            String label = estimated.get(a.get("sample_id"));
            if (label != null) {
                c[1]++;
                c[0] += label.equals(truth) ? 1 : 0;
            }
        }
        assertThat(counts).containsOnlyKeys("female", "male");

        StringWriter out = new StringWriter();
        RealComparisonSummary.sexBySex(List.of(run, run), new PrintWriter(out, true));
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("Sex accuracy by true sex").contains("confidence 0.5");
        for (String line : lines.subList(1, 3)) {
            assertThat(line).startsWith("  synthetic-attributes:");
            counts.forEach((sex, c) -> assertThat(line).contains(" " + sex + " " + c[0] + "/" + c[1] + " = "));
        }
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSV.parse(in)) {
            return parser.getRecords();
        }
    }
}
