package org.touchstone.runformat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenFileIsCompleteAndNoPartialFileIsLeft() throws IOException {
        Path target = dir.resolve("sub/folder/table.csv");
        AtomicFiles.write(target, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("a,b\n1,2");
        assertThat(listing(target.getParent())).containsExactly("table.csv");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPartialFile() throws IOException {
        Path target = dir.resolve("metrics.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new UncheckedIOException(new IOException("disk full"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(target).hasContent("old");
        assertThat(listing(dir)).containsExactly("metrics.json");
    }

    @Test
    void anOutputIsInPlaceOnlyOnceCommitted() throws IOException {
        Path first = dir.resolve("analyses.csv");
        Path second = dir.resolve("estimates.csv");
        try (AtomicFiles.Output a = AtomicFiles.open(first); AtomicFiles.Output b = AtomicFiles.open(second)) {
            a.write("x".getBytes(StandardCharsets.UTF_8));
            b.write("y".getBytes(StandardCharsets.UTF_8));
            assertThat(listing(dir)).containsExactly("analyses.csv.partial", "estimates.csv.partial");
            a.commit();
        }
        // The second was closed without a commit: it is discarded, the first is in place.
        assertThat(listing(dir)).containsExactly("analyses.csv");
        assertThat(first).hasContent("x");
    }

    @Test
    void partialFilesAreRecognised() {
        assertThat(AtomicFiles.partialFile(dir.resolve("run.json"))).isEqualTo(dir.resolve("run.json.partial"));
        assertThat(AtomicFiles.isPartial("tables/det.csv.partial")).isTrue();
        assertThat(AtomicFiles.isPartial("tables/det.csv")).isFalse();
    }

    @Test
    void aMoveTheFileSystemCannotMakeAtomicStillGetsTheFileInPlace() throws IOException {
        // A rename across file systems cannot be atomic, like any rename on some network and FUSE file systems.
        Path otherFileSystem = Path.of("/dev/shm");
        assumeThat(Files.isDirectory(otherFileSystem) && !Files.getFileStore(otherFileSystem)
                .equals(Files.getFileStore(dir))).as("a second file system at /dev/shm").isTrue();
        Path elsewhere = Files.createTempDirectory(otherFileSystem, "atomic-files-test");
        try {
            Path complete = Files.writeString(dir.resolve("report.html.partial"), "<html>");
            Path target = Files.writeString(elsewhere.resolve("report.html"), "old");
            assertThatThrownBy(() -> Files.move(complete, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE)).isInstanceOf(AtomicMoveNotSupportedException.class);

            AtomicFiles.moveIntoPlace(complete, target);
            assertThat(target).hasContent("<html>");
            assertThat(complete).doesNotExist();
        } finally {
            try (Stream<Path> files = Files.walk(elsewhere)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static java.util.List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
