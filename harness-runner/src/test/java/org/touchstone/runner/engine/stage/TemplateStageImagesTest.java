package org.touchstone.runner.engine.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runner.boundaries.TestRuns;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/**
 * The template stage hands a system only the bytes the manifest pins: an image file changed after the
 * manifest was checked fails the run, naming the file, before any template is made from it.
 */
class TemplateStageImagesTest {
    @Test
    void anImageChangedAfterTheManifestWasCheckedFailsTheRunNamingIt(@TempDir Path tmp) throws Exception {
        DatasetManifest manifest = TestRuns.dataset("synthetic:subjects=10,images=2,seed=8", tmp.resolve("data"));
        Sample sample = manifest.samples().get(4);
        Path file = manifest.resolve(sample);
        byte[] altered = Files.readAllBytes(file);
        altered[altered.length - 20] ^= 0x10;
        Files.write(file, altered);
        Path runDir = tmp.resolve("run");

        assertThatThrownBy(() -> TestRuns.verification("changed", manifest, new SubjectOracleProvider(), runDir))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("changed after its manifest was checked");
        assertThat(new ObjectMapper().readTree(runDir.resolve("run.json").toFile()).path("status").asText())
                .isEqualTo("failed");
        assertThat(runDir.resolve("templates.csv")).doesNotExist();
    }
}
