package org.touchstone.runformat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FailureCode;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.columns.ComparisonsCsv.Status;

class ComparisonStoreTest {
    @TempDir
    Path tmp;

    /** All against all over n templates, every 97th pair failed, every 1,000th not compared, odd scores. */
    private static List<StoreRow> rows(int templates) {
        Random random = new Random(7);
        List<StoreRow> rows = new ArrayList<>();
        for (int probe = 1; probe < templates; probe++) {
            for (int enrolment = 0; enrolment < probe; enrolment++) {
                int k = rows.size();
                if (k % 1000 == 999) {
                    rows.add(new StoreRow(enrolment, probe, Status.TEMPLATE_FAILED, FailureCode.FACE_DETECTION_ERROR, null,
                            Double.NaN, -1));
                } else if (k % 97 == 96) {
                    rows.add(new StoreRow(enrolment, probe, Status.COMPARISON_FAILED, FailureCode.MATCH_ERROR,
                            k % 2 == 0 ? "size mismatch: 128 != 64 \u00e9" : null, Double.NaN, 1000 + k));
                } else {
                    double score = switch (k % 5) {
                        case 0 -> -0.0;
                        case 1 -> Double.MIN_VALUE;
                        case 2 -> Math.nextUp(0.5);
                        default -> random.nextGaussian();
                    };
                    rows.add(new StoreRow(enrolment, probe, Status.OK, null, null, score, 17L * k));
                }
            }
        }
        return rows;
    }

    private static List<StoreRow> read(Path file) throws IOException {
        List<StoreRow> rows = new ArrayList<>();
        try (ComparisonStoreReader reader = ComparisonStoreReader.open(file)) {
            while (reader.nextBatch()) {
                assertThat(reader.rowsBefore()).isEqualTo(rows.size());
                for (int i = 0; i < reader.rows(); i++) {
                    rows.add(new StoreRow(reader.enrolment(i), reader.probe(i), reader.status(i), reader.failureCode(i),
                            reader.failureMessage(i), reader.hasScore(i) ? reader.score(i) : Double.NaN,
                            reader.latencyNs(i)));
                }
            }
        }
        return rows;
    }

    @Test
    void everyColumnOfEveryRowReadsBackBitForBitAcrossSeveralBatches() throws IOException {
        List<StoreRow> rows = rows(600); // 179,700 rows: two full batches and a partial one
        Path file = tmp.resolve(ComparisonStore.FILE);
        try (OutputStream out = Files.newOutputStream(file); ComparisonStoreWriter writer = ComparisonStoreWriter.start(out)) {
            StoreRow.writeAll(writer, rows);
            assertThat(writer.rows()).isEqualTo(rows.size());
            writer.finish();
        }
        List<StoreRow> back = read(file);
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            // Records compare doubles with Double.compare: -0.0, NaN and every bit of the score count.
            assertThat(back.get(i)).as("row %d", i).isEqualTo(rows.get(i));
        }
    }

    @Test
    void aStreamCutAtAFlushAndContinuedReadsAsOneWrittenAtOnce() throws IOException {
        List<StoreRow> rows = rows(200);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        int cut = 7_001;
        try (ComparisonStoreWriter writer = ComparisonStoreWriter.start(whole)) {
            StoreRow.writeAll(writer, rows.subList(0, cut));
            writer.flush();
            StoreRow.writeAll(writer, rows.subList(cut, rows.size()));
            writer.finish();
        }
        try (ComparisonStoreWriter first = ComparisonStoreWriter.start(resumed)) {
            StoreRow.writeAll(first, rows.subList(0, cut));
            first.flush();
            StoreRow.writeAll(first, rows.subList(cut, cut + 500)); // buffered, never flushed: lost with the "crash"
        }
        try (ComparisonStoreWriter continued = ComparisonStoreWriter.continuing(resumed)) {
            StoreRow.writeAll(continued, rows.subList(cut, rows.size()));
            continued.finish();
        }
        assertThat(resumed.toByteArray()).isEqualTo(whole.toByteArray());
        Path file = tmp.resolve("resumed.arrows");
        Files.write(file, resumed.toByteArray());
        assertThat(read(file)).isEqualTo(rows);
    }

    @Test
    void aFileCutShortOrNotArrowIsAnErrorNamingTheFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ComparisonStoreWriter writer = ComparisonStoreWriter.start(bytes)) {
            StoreRow.writeAll(writer, rows(100));
            writer.finish();
        }
        Path cut = tmp.resolve("cut.arrows");
        Files.write(cut, Arrays.copyOf(bytes.toByteArray(), bytes.size() - 100));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("cut.arrows").hasMessageContaining("cut short");
        Path text = tmp.resolve("text.arrows");
        Files.writeString(text, "enrolment_template,probe_template\nA,B\n");
        assertThatThrownBy(() -> read(text)).isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("text.arrows").hasMessageContaining("expected an Arrow IPC stream");
    }

    @Test
    void aFailedStatusIsRequiredForAFailure() throws IOException {
        try (ComparisonStoreWriter writer = ComparisonStoreWriter.start(new ByteArrayOutputStream())) {
            assertThatThrownBy(() -> writer.addFailed(0, 1, Status.OK, FailureCode.MATCH_ERROR, null, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
