package org.touchstone.runner.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two checkpoint files, interrupted at the awkward moments a kill can pick. */
class CheckpointFilesTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTornLastRecordIsCutOffAndAppendsContinueAfterTheLastCompleteOne(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("x.log");
        try (RecordLog log = RecordLog.open(file)) {
            assertThat(log.recovered()).isEmpty();
            log.append(utf8("one"));
            log.append(utf8("two"));
            log.append(utf8("three"));
        }
        long complete = Files.size(file);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(complete - 2);
        }
        try (RecordLog log = RecordLog.open(file)) {
            assertThat(log.recovered()).extracting(b -> new String(b, StandardCharsets.UTF_8))
                    .containsExactly("one", "two");
            log.append(utf8("four"));
        }
        try (RecordLog log = RecordLog.open(file)) {
            assertThat(log.recovered()).extracting(b -> new String(b, StandardCharsets.UTF_8))
                    .containsExactly("one", "two", "four");
        }
    }

    @Test
    void aRecordWhoseBytesChangedIsNotTrusted(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("x.log");
        try (RecordLog log = RecordLog.open(file)) {
            log.append(utf8("alpha"));
            log.append(utf8("bravo"));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        try (RecordLog log = RecordLog.open(file)) {
            assertThat(log.recovered()).hasSize(1);
        }
    }

    @Test
    void aResumedOutputDropsTheUncommittedTailAndReturnsTheWritersState(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("rows.csv");
        Path log = tmp.resolve("checkpoint/rows.csv.log");
        try (ResumableOutput out = ResumableOutput.open(target, log)) {
            assertThat(out.committedState()).isEmpty();
            OutputStream s = out.stream();
            s.write(utf8("header\nrow1\n"));
            out.commit(utf8("after-1"));
            s.write(utf8("row2\nro"));
        }
        assertThat(target).doesNotExist();
        assertThat(Files.readString(tmp.resolve("rows.csv.partial"))).isEqualTo("header\nrow1\nrow2\nro");
        try (ResumableOutput out = ResumableOutput.open(target, log)) {
            assertThat(out.isFinished()).isFalse();
            assertThat(out.committedState()).hasValueSatisfying(v -> assertThat(v).isEqualTo(utf8("after-1")));
            out.stream().write(utf8("row2\n"));
            out.finish(utf8("done"));
        }
        assertThat(Files.readString(target)).isEqualTo("header\nrow1\nrow2\n");
        assertThat(tmp.resolve("rows.csv.partial")).doesNotExist();
        try (ResumableOutput out = ResumableOutput.open(target, log)) {
            assertThat(out.isFinished()).isTrue();
            assertThat(out.committedState()).hasValueSatisfying(v -> assertThat(v).isEqualTo(utf8("done")));
        }
        assertThat(Files.readString(target)).isEqualTo("header\nrow1\nrow2\n");
    }

    @Test
    void anOutputFinishedButNotYetRenamedIsRenamedOnResume(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("rows.csv");
        Path log = tmp.resolve("rows.csv.log");
        try (ResumableOutput out = ResumableOutput.open(target, log)) {
            out.stream().write(utf8("a\nb\n"));
            out.finish(utf8("done"));
        }
        // As if killed between the finishing record and the rename.
        Files.move(target, tmp.resolve("rows.csv.partial"));
        try (ResumableOutput out = ResumableOutput.open(target, log)) {
            assertThat(out.isFinished()).isTrue();
        }
        assertThat(Files.readAllLines(target)).isEqualTo(List.of("a", "b"));
    }
}
