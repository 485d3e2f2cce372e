package org.touchstone.runner.engine.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.reference.lbp.LbpCompactSystemProvider;
import org.touchstone.runner.boundaries.RunFiles;
import org.touchstone.runner.engine.prepare.DatasetResolver;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;

/**
 * A run stopped after its search stage had searched some galleries resumes with those galleries' results
 * from the checkpoint: it searches only the others, and ends with the files of a run never stopped. The
 * stop is a failure thrown as the search stage ends (after every gallery was logged); the log is then cut
 * back to its first gallery, as if the run had been killed while searching the second.
 */
class SearchStageResumeTest {
    private static final String SPEC = "procedural:synthetic:subjects=40,images=3,seed=11";
    /** The fixed-counts protocol's probes: 2 per mated subject (5) and 3 per non-mated one (5). */
    private static final int PROBES = 5 * 2 + 5 * 3;

    /** Progress that fails the run as the search stage ends. */
    private static final Progress FAIL_AFTER_SEARCHES = new Progress() {
        @Override
        public Stage stage(String name, long total) {
            return new Stage() {
                @Override
                public void advance(long steps) {
                }

                @Override
                public void close() {
                    if (name.equals("searches")) {
                        throw new IllegalStateException("stopped by the test after the searches");
                    }
                }
            };
        }
    };

    private static RunRequest request(ProtocolDefinition protocol, DatasetManifest manifest, Path runDir) {
        return new RunRequest("search-resume", protocol, manifest, SPEC, new LbpCompactSystemProvider(),
                Optional.empty(), runDir, 2);
    }

    private static ProtocolDefinition protocol(Path folder) throws Exception {
        Path file = folder.resolve("counts-test-1.0.0.yaml");
        Files.writeString(file, FixedCountsProceduralTest.PROTOCOL);
        return ProtocolRepository.builtIn().resolve(file.toString());
    }

    /** Keeps the first records of a checkpoint log, as if the run had been killed after writing them. */
    private static void keepRecords(Path log, int records) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(log));
        int position = 8;
        for (int i = 0; i < records; i++) {
            position += 8 + bytes.getInt(position);
        }
        assertThat(position).as("the log holds more than " + records + " records").isLessThan(bytes.capacity());
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(position);
        }
    }

    /** @return timing.csv's latency rows: operation, calls */
    private static Map<String, Long> calls(Path runDir) throws Exception {
        Map<String, Long> calls = new TreeMap<>();
        for (CSVRecord row : RunFiles.records(runDir.resolve("timing.csv"))) {
            if (row.get("record").equals("latency")) {
                calls.put(row.get("name"), Long.parseLong(row.get("count")));
            }
        }
        return calls;
    }

    @Test
    void aRunStoppedWhileSearchingSearchesOnlyTheGalleriesItHadNotFinished(@TempDir Path tmp) throws Exception {
        ProtocolDefinition protocol = protocol(tmp);
        DatasetManifest manifest = DatasetResolver.resolve(SPEC, tmp.resolve("data"), line -> { });

        Path straight = tmp.resolve("straight");
        new ProtocolRunner(Progress.silent()).run(request(protocol, manifest, straight));
        assertThat(calls(straight)).containsEntry("search", 2L * PROBES);

        Path stopped = tmp.resolve("stopped");
        Throwable failure = catchThrowable(() -> new ProtocolRunner(FAIL_AFTER_SEARCHES)
                .run(request(protocol, manifest, stopped)));
        assertThat(failure).hasMessageContaining("stopped by the test");
        Path log = stopped.resolve("checkpoint").resolve(SearchStage.CHECKPOINT + ".log");
        keepRecords(log, 1);

        new ProtocolRunner(Progress.silent()).run(request(protocol, manifest, stopped));

        // The last process made no template (all logged) and searched the second gallery alone.
        Map<String, Long> resumedCalls = calls(stopped);
        assertThat(resumedCalls).doesNotContainKey("create_template").containsEntry("search", (long) PROBES)
                .containsEntry("finalize_enrolment", 1L);
        for (String file : List.of("templates.csv", "galleries.csv", "searches.csv", "candidates.csv")) {
            assertThat(RunFiles.withoutTiming(stopped.resolve(file))).as(file)
                    .isEqualTo(RunFiles.withoutTiming(straight.resolve(file)));
        }
        assertThat(RunFiles.metricsWithoutTiming(stopped.resolve("metrics.json")))
                .isEqualTo(RunFiles.metricsWithoutTiming(straight.resolve("metrics.json")));
        assertThat(stopped.resolve("checkpoint")).doesNotExist();
    }

    @Test
    void aCheckpointRecordThatIsNotAGallerysSearchesIsRefused(@TempDir Path tmp) throws Exception {
        ProtocolDefinition protocol = protocol(tmp);
        DatasetManifest manifest = DatasetResolver.resolve(SPEC, tmp.resolve("data"), line -> { });
        Path stopped = tmp.resolve("stopped");
        catchThrowable(() -> new ProtocolRunner(FAIL_AFTER_SEARCHES).run(request(protocol, manifest, stopped)));

        // A serialized object of a class the checkpoint never holds, in a record of the right framing.
        Path log = stopped.resolve("checkpoint").resolve(SearchStage.CHECKPOINT + ".log");
        keepRecords(log, 0);
        try (org.touchstone.runner.engine.checkpoint.RecordLog records = org.touchstone.runner.engine.checkpoint.RecordLog.open(log)) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeInt(0);
                out.writeObject(new java.util.concurrent.atomic.AtomicLong(7));
            }
            records.append(bytes.toByteArray());
        }

        Throwable refused = catchThrowable(() -> new ProtocolRunner(Progress.silent())
                .run(request(protocol, manifest, stopped)));
        assertThat(refused).hasMessageContaining(log.toString()).hasMessageContaining("not a gallery's searches");
    }
}
