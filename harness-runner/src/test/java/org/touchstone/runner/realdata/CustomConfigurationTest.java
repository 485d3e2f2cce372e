package org.touchstone.runner.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.cli.RealDataGate;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemRegistry;

/**
 * A user's own model set goes in through configuration alone: the same system, opened with a
 * {@code system.properties} in a configuration folder, runs the pipeline that file describes.
 */
class CustomConfigurationTest {
    private static final String REFERENCE = "org/touchstone/reference/onnx/onnx-faceplugin/system.properties";

    @TempDir
    Path temp;

    @Test
    void anotherAlignmentTemplateFromAConfigFileChangesTheEmbeddingsButStillRecognises() throws Exception {
        FaceImage a = portrait("women/3.jpg");
        FaceImage b = portrait("women/4.jpg");
        // The template moved 6 pixels right and up: another, worse, alignment of the same models.
        String shifted = reference().replaceFirst("(?m)^alignment\\.template = .*$", "alignment.template = "
                + "44.2946,45.6963; 79.5318,45.5014; 62.0252,65.7366; 47.5493,86.3655; 76.7299,86.2041");
        try (FaceSystem standard = open(Optional.empty()); FaceSystem custom = open(Optional.of(config(shifted)))) {
            assertThat(custom.runtimeProperties().get("configuration")).startsWith("custom");
            assertThat(custom.runtimeProperties().get("configuration-sha256"))
                    .isNotEqualTo(standard.runtimeProperties().get("configuration-sha256"));
            Template standardA = template(standard, a).value();
            Template customA = template(custom, a).value();
            assertThat(customA).isNotEqualTo(standardA);
            double sameImageAcrossAlignments = standard.verifier().orElseThrow().compare(standardA, customA).similarity();
            assertThat(sameImageAcrossAlignments).isLessThan(0.99);
            // Still a face system: the same image under both alignments is more alike than two people.
            double twoPeople = custom.verifier().orElseThrow().compare(customA, template(custom, b).value()).similarity();
            assertThat(sameImageAcrossAlignments).isGreaterThan(twoPeople);
        }
    }

    @Test
    void aDetectorThresholdAboveEveryScoreFromAConfigFileFindsNoFace() throws Exception {
        String strict = reference().replaceFirst("(?m)^detector\\.score-threshold = .*$", "detector.score-threshold = 1");
        try (FaceSystem system = open(Optional.of(config(strict)))) {
            assertThat(system.runtimeProperties().get("detector.score-threshold")).isEqualTo("1.0");
            Result<Template> none = template(system, portrait("men/0.jpg"));
            assertThat(none.failure().orElseThrow().code()).isEqualTo(FailureCode.FACE_DETECTION_ERROR);
            assertThat(system.analyzer().orElseThrow().analyze(portrait("men/0.jpg")).value()).isEmpty();
        }
    }

    @Test
    void aMisspeltKeyOrAMissingModelIsAConfigurationErrorNamingFileAndKey() throws IOException {
        String typo = reference().replace("detector.nms-iou", "detector.nms-iuo");
        assertThatThrownBy(() -> open(Optional.of(config(typo)))).isInstanceOf(FaceSystemException.class)
                .hasMessageContaining("system.properties").hasMessageContaining("'detector.nms-iuo' is not a known key")
                .satisfies(e -> assertThat(((FaceSystemException) e).code()).isEqualTo(FailureCode.CONFIG_ERROR));
        String missing = reference().replace("fr_age.onnx", "no_such_model.onnx");
        assertThatThrownBy(() -> open(Optional.of(config(missing)))).isInstanceOf(FaceSystemException.class)
                .hasMessageContaining("age model").hasMessageContaining("no_such_model.onnx");
    }

    @BeforeEach
    void requireRealData() {
        RealDataGate.cache();
    }

    private FaceSystem open(Optional<Path> config) throws Exception {
        FaceSystemProvider provider = new SystemRegistry(getClass().getClassLoader()).require("onnx-faceplugin");
        return provider.open(new RunSystemContext(config, Files.createTempDirectory(temp, "work"), 1));
    }

    private Path config(String text) throws IOException {
        Path dir = Files.createTempDirectory(temp, "config");
        Files.writeString(dir.resolve("system.properties"), text);
        return dir;
    }

    private static Result<Template> template(FaceSystem system, FaceImage image) {
        return system.verifier().orElseThrow().createTemplate(List.of(image), TemplateRole.VERIFICATION_ENROLMENT);
    }

    private static FaceImage portrait(String file) throws IOException {
        return new FaceImage(file, ImageFormat.JPEG, Files.readAllBytes(RealDataGate.portraits().resolve(file)));
    }

    private static String reference() throws IOException {
        try (InputStream in = CustomConfigurationTest.class.getClassLoader().getResourceAsStream(REFERENCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
