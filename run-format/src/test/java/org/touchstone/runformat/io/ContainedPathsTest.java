package org.touchstone.runformat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads, writes and deletions stay inside the folder given, links included. */
class ContainedPathsTest {
    @TempDir
    Path tmp;

    @Test
    void aNameInsideTheFolderResolvesForReadingAndWriting() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("run"));
        Files.createDirectories(folder.resolve("figures"));
        assertThat(ContainedPaths.resolveForReading(folder, "figures/det.svg"))
                .isEqualTo(folder.toAbsolutePath().resolve("figures/det.svg"));
        assertThat(ContainedPaths.resolveForWriting(folder, "a/../figures/det.svg"))
                .isEqualTo(folder.toAbsolutePath().resolve("figures/det.svg"));
    }

    @Test
    void dotDotAbsoluteAndBackslashNamesAreRefused() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("run"));
        for (String name : new String[] {"../outside.csv", "figures/../../x", "/etc/hostname", "a\\b", "C:x", ""}) {
            assertThatThrownBy(() -> ContainedPaths.resolveForReading(folder, name)).as(name)
                    .isInstanceOf(OutsideFolderException.class);
            assertThatThrownBy(() -> ContainedPaths.resolveForWriting(folder, name)).as(name)
                    .isInstanceOf(OutsideFolderException.class);
        }
    }

    @Test
    void aLinkToAFileOutsideIsRefusedForReadingButOneInsideIsFine() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("data"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "s");
        Path inside = Files.writeString(folder.resolve("a.png"), "a");
        Files.createSymbolicLink(folder.resolve("out.png"), secret);
        Files.createSymbolicLink(folder.resolve("in.png"), inside);
        assertThatThrownBy(() -> ContainedPaths.resolveForReading(folder, "out.png"))
                .isInstanceOf(OutsideFolderException.class).hasMessageContaining("out.png")
                .hasMessageContaining("outside");
        assertThat(ContainedPaths.resolveForReading(folder, "in.png")).isEqualTo(folder.resolve("in.png"));
    }

    @Test
    void aLinkedSubfolderIsRefusedForWritingWhereverItPoints() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("run"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(folder.resolve("figures"), elsewhere);
        assertThatThrownBy(() -> ContainedPaths.resolveForWriting(folder, "figures/det.svg"))
                .isInstanceOf(OutsideFolderException.class).hasMessageContaining("figures is a symbolic link");
        // A file that is itself a link is refused too: it would be replaced or deleted in the user's name.
        Files.createSymbolicLink(folder.resolve("metrics.json"), Files.writeString(tmp.resolve("m"), "m"));
        assertThatThrownBy(() -> ContainedPaths.resolveForWriting(folder, "metrics.json"))
                .isInstanceOf(OutsideFolderException.class);
    }

    @Test
    void theFolderItselfMayBeALink() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        Files.writeString(real.resolve("a.png"), "a");
        assertThat(ContainedPaths.resolveForReading(link, "a.png")).isEqualTo(link.resolve("a.png"));
        assertThat(ContainedPaths.resolveForWriting(link, "tables/t.csv")).isEqualTo(link.resolve("tables/t.csv"));
    }

    @Test
    void aPlantedPartialFileLinkIsReplacedNotWrittenThrough() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("run"));
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep");
        Files.createSymbolicLink(folder.resolve("metrics.json" + AtomicFiles.PARTIAL_SUFFIX), victim);
        AtomicFiles.write(folder.resolve("metrics.json"), "new".getBytes(StandardCharsets.UTF_8));
        assertThat(victim).hasContent("keep");
        assertThat(folder.resolve("metrics.json")).hasContent("new");
    }
}
