package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FailureCode;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.testsystems.ImageRecordingProvider;
import picocli.CommandLine;

/**
 * Issue class "bad input charged to the system", in a run: an image of the dataset that is empty, not an image,
 * declares more pixels than the limit, or is cut short is the dataset's failure to acquire. The system is never
 * given it (no PARSE_ERROR or MEMORY_ERROR of the system's), its templates fail with
 * {@code FAILURE_TO_ACQUIRE}, and metrics.json, the failures table, the report and its card count them apart.
 */
class BadImagesInRunTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** A PNG whose header declares width x height; its pixel data is never reached. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').build()
                    .parse(in).getRecords();
        }
    }

    @Test
    void badImagesAreTheDatasetsFailureToAcquireAndNeverReachTheSystem() throws IOException {
        assertThat(touchstone("dataset", "generate", "synthetic:subjects=10,images=2,seed=7", "--out",
                tmp.resolve("data").toString())).as(err.toString()).isZero();
        Path manifest = tmp.resolve("data/manifest.csv");
        List<String> lines = Files.readAllLines(manifest);
        int header = 0;
        while (lines.get(header).startsWith("#")) {
            header++;
        }
        // Four kinds of bad image, each replacing one sample's file (its manifest hash updated, so only the
        // image check can tell).
        Map<String, String> badKinds = new HashMap<>();
        List<String> allSamples = new ArrayList<>();
        StringBuilder rewritten = new StringBuilder();
        lines.subList(0, header + 1).forEach(l -> rewritten.append(l).append('\n'));
        for (int i = header + 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            allSamples.add(cells[0]);
            int bad = i - header - 1;
            Path image = manifest.getParent().resolve(cells[2]);
            byte[] replacement = switch (bad) {
                case 0 -> new byte[0];
                case 2 -> "%PDF-1.4 not an image".getBytes(StandardCharsets.UTF_8);
                case 4 -> pngDeclaring(30000, 30000);
                case 6 -> {
                    byte[] png = Files.readAllBytes(image);
                    yield Arrays.copyOf(png, png.length / 2);
                }
                default -> null;
            };
            if (replacement != null) {
                Files.write(image, replacement);
                cells[3] = Sha256.hex(image);
                badKinds.put(cells[0], switch (bad) {
                    case 0 -> "empty";
                    case 2 -> "undecodable";
                    case 4 -> "oversized";
                    default -> "truncated";
                });
            }
            rewritten.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(manifest, rewritten.toString());
        assertThat(badKinds).hasSize(4);
        ImageRecordingProvider.SEEN.clear();
        Path run = tmp.resolve("run");

        int code = touchstone("run", "--protocol", "verification@1.0.0", "--system", ImageRecordingProvider.ID,
                "--dataset", manifest.toString(), "--out", run.toString());

        assertThat(code).as(err.toString()).isZero();
        // The system saw every good image and none of the bad ones.
        assertThat(ImageRecordingProvider.SEEN).doesNotContainAnyElementsOf(badKinds.keySet());
        List<String> good = allSamples.stream().filter(s -> !badKinds.containsKey(s)).toList();
        assertThat(ImageRecordingProvider.SEEN).containsAll(good);

        long datasetFailed = 0;
        for (CSVRecord row : csv(run.resolve(TemplatesCsv.FILE))) {
            String samples = row.get("sample_ids");
            String badSample = Arrays.stream(samples.split(TemplatesCsv.SAMPLE_SEPARATOR))
                    .filter(badKinds::containsKey).findFirst().orElse(null);
            if (badSample == null) {
                assertThat(row.get("status")).isEqualTo("ok");
                continue;
            }
            datasetFailed++;
            assertThat(row.get("status")).isEqualTo("failed");
            assertThat(row.get("failure_code")).isEqualTo(FailureCode.FAILURE_TO_ACQUIRE.name());
            assertThat(row.get("message")).startsWith(TemplatesCsv.BAD_IMAGE_MESSAGE)
                    .contains(badSample + " " + badKinds.get(badSample) + ":");
            assertThat(row.get("latency_ns")).isEqualTo("0");
        }
        assertThat(datasetFailed).isPositive();

        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        long counted = 0;
        for (JsonNode row : metrics.path("dataset_failure_to_acquire")) {
            if (row.path("record_type").asText().equals("template")) {
                counted += row.path("count").asLong();
            }
        }
        assertThat(counted).isEqualTo(datasetFailed);
        for (JsonNode failure : metrics.path("failures")) {
            assertThat(failure.path("failure_code").asText()).isNotIn("PARSE_ERROR", "MEMORY_ERROR");
        }
        assertThat(Files.readString(run.resolve("tables/failures.csv"))).contains("FAILURE_TO_ACQUIRE");
        assertThat(Files.readString(run.resolve("report.html"))).contains("id=\"dataset-failures\"")
                .contains("template verification_probe: ");
        assertThat(out.toString() + err.toString()).contains("failures to acquire, the dataset's");
    }

    @Test
    void aSystemCannotChargeTheDatasetWithItsOwnFailure() {
        // A worker or HTTP server naming FAILURE_TO_ACQUIRE in its error reply is recorded as INVALID_OUTPUT.
        assertThat(SystemFault.reportedFault(FailureCode.FAILURE_TO_ACQUIRE)).isEqualTo(FailureCode.INVALID_OUTPUT);
        assertThat(SystemFault.reportedFault(FailureCode.TIMEOUT)).isEqualTo(FailureCode.TIMEOUT);
        assertThat(SystemFault.reportedFault(FailureCode.PARSE_ERROR)).isEqualTo(FailureCode.INVALID_OUTPUT);
        assertThat(SystemFault.isSystemFault(FailureCode.FAILURE_TO_ACQUIRE)).isFalse();
    }
}
