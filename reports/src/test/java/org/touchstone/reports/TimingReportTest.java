package org.touchstone.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.touchstone.runformat.RunDirectoryException;

/**
 * The tiny verification run with the runner's measurements: timing.csv and run.json's resources become
 * metrics.json's timing block and two tables, which the report card shows; everything else stays as it
 * is without them.
 */
class TimingReportTest {
    static final String TIMING_CSV = """
            record,name,unit,count,failures,p50,p90,p99,max,mean,seconds,per_second
            latency,create_template,ns,8,1,1000,1000,1000,1000,1000.0,,
            latency,compare_many,ns,4,0,37,40,41,41,37.5,,
            latency,comparison,ns,12,1,10,10,10,10,10.0,,
            size,template,bytes,7,,512,512,512,512,512.0,,
            stage,templates,templates,8,,,,,,,0.5,16.0
            stage,comparisons,comparisons,12,,,,,,,0.25,48.0
            """;

    static final String RESOURCES = """
              "resources": { "worker_threads": 2, "jvm_peak_threads": 12, "jvm_peak_heap_bytes": 1000000,
                             "jvm_max_heap_bytes": 4000000, "jvm_peak_rss_bytes": null,
                             "child_processes": { "count": 2, "peak_rss_max_bytes": 30000, "peak_rss_total_bytes": 50000 } },
            """;

    @TempDir
    Path tmp;

    private Path timedRun(Path runDir, String timingCsv) throws IOException {
        TinyRun.write(runDir, TinyRun.RUN_JSON.replace("  \"started\"", RESOURCES + "  \"started\""),
                TinyRun.TEMPLATES_CSV, TinyRun.COMPARISONS_CSV);
        Files.writeString(runDir.resolve("timing.csv"), timingCsv);
        return runDir;
    }

    @Test
    void theTimingBlockAndTablesComeFromTimingCsvAndTheResources() throws Exception {
        Path runDir = timedRun(tmp.resolve("run"), TIMING_CSV);
        RunReports.generate(runDir);
        JsonNode timing = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile()).path("timing");

        assertThat(timing.path("source").asText()).isEqualTo("timing.csv");
        assertThat(timing.path("latencies")).extracting(l -> l.path("operation").asText())
                .containsExactly("create_template", "compare_many", "comparison");
        JsonNode compareMany = timing.path("latencies").get(1);
        assertThat(compareMany.path("count").asLong()).isEqualTo(4);
        assertThat(compareMany.path("p90").asLong()).isEqualTo(40);
        assertThat(compareMany.path("mean").asDouble()).isEqualTo(37.5);
        assertThat(timing.path("template_size").path("p50").asLong()).isEqualTo(512);
        assertThat(timing.path("template_size").has("failures")).isFalse();
        // Throughput is recomputed from the items and the seconds.
        assertThat(timing.path("stages").get(1).path("per_second").asDouble()).isEqualTo(48.0);
        assertThat(timing.path("resources").path("child_processes").path("peak_rss_total_bytes").asLong())
                .isEqualTo(50_000);
        assertThat(timing.path("resources").path("jvm_peak_rss_bytes").isNull()).isTrue();

        List<CSVRecord> table = ReportFiles.csv(runDir, "tables/timing.csv");
        assertThat(table).hasSize(6);
        assertThat(table.get(2).get("name")).isEqualTo("comparison");
        assertThat(table.get(2).get("failures")).isEqualTo("1");
        assertThat(table.get(5).get("per_second")).isEqualTo("48.0");
        assertThat(ReportFiles.csv(runDir, "tables/resources.csv")).extracting(r -> r.get("resource") + "=" + r.get("value"))
                .containsExactly("worker_threads=2", "jvm_peak_threads=12", "jvm_peak_heap_bytes=1000000",
                        "jvm_max_heap_bytes=4000000", "jvm_peak_rss_bytes=", "child_processes.count=2",
                        "child_processes.peak_rss_max_bytes=30000", "child_processes.peak_rss_total_bytes=50000");

        String card = Files.readString(runDir.resolve("report.html"));
        assertThat(card).contains("<a href=\"tables/timing.csv\">tables/timing.csv</a>")
                .contains("<a href=\"tables/resources.csv\">tables/resources.csv</a>")
                .contains("compare them only with runs on the same machine");
        ReportFiles.assertRegeneratesIdentically(runDir, timedRun(tmp.resolve("elsewhere"), TIMING_CSV));
    }

    @Test
    void withoutTimingCsvTheReportIsTheOneOfTheOtherFilesAlone() throws Exception {
        Path timed = timedRun(tmp.resolve("timed"), TIMING_CSV);
        Path untimed = TinyRun.write(tmp.resolve("untimed"));
        RunReports.generate(timed);
        RunReports.generate(untimed);
        ObjectMapper json = new ObjectMapper();
        ObjectNode withTiming = (ObjectNode) json.readTree(timed.resolve("metrics.json").toFile());
        JsonNode without = json.readTree(untimed.resolve("metrics.json").toFile());
        assertThat(without.has("timing")).isFalse();
        assertThat(ReportFiles.csv(untimed, "tables/failures.csv")).isNotEmpty();
        assertThat(untimed.resolve("tables/timing.csv")).doesNotExist();
        List<String> names = json.convertValue(withTiming.get("tables"), List.class);
        assertThat(names).endsWith("tables/timing.csv", "tables/resources.csv");
        // Apart from the timing, metrics.json is the same, field for field and in the same order.
        withTiming.remove("timing");
        ((ArrayNode) withTiming.get("tables")).remove(names.size() - 1);
        ((ArrayNode) withTiming.get("tables")).remove(names.size() - 2);
        assertThat(withTiming.toString()).isEqualTo(without.toString());

        // Once timing.csv goes, a regenerated report drops its tables too.
        Files.delete(timed.resolve("timing.csv"));
        RunReports.generate(timed);
        assertThat(timed.resolve("tables/timing.csv")).doesNotExist();
        assertThat(timed.resolve("tables/resources.csv")).doesNotExist();
        assertThat(Files.readString(timed.resolve("metrics.json"))).isEqualTo(Files.readString(untimed.resolve("metrics.json")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latency,comparison,ns,12,1,10,9,10,10,10.0,, | line 4, column 7 (p90): expected p90 >= p50 (10), found 9",
            "latency,comparison,ms,12,1,10,10,10,10,10.0,, | line 4, column 3 (unit): expected \"ns\", found \"ms\"",
            "latency,comparison,ns,12,13,10,10,10,10,10.0,, | line 4, column 5 (failures): expected at most count (12)",
            "latency,comparison,ns,0,0,10,10,10,10,10.0,, | line 4, column 4 (count): expected at least one value",
            "latency,comparison,ns,12,1,10,10,10,10,11.0,, | line 4, column 10 (mean): expected a mean between 0 and max",
            "speed,comparison,ns,12,1,10,10,10,10,10.0,, | line 4, column 1 (record): expected \"latency\", \"size\" or"})
    void timingThatBreaksTheContractIsRefusedWithItsPlace(String row, String message) throws IOException {
        String broken = TIMING_CSV.replace("latency,comparison,ns,12,1,10,10,10,10,10.0,,", row);
        RunDirectoryException e = ReportFiles.failure(timedRun(tmp.resolve("bad"), broken));
        assertThat(e.getMessage()).contains("timing.csv " + message);
    }
}
