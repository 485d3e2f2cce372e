package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;

class LbpSettingsTest {
    @TempDir
    Path configDirectory;

    private LbpSettings load(String fileContent) throws Exception {
        Files.writeString(configDirectory.resolve(LbpSettings.FILE_NAME), fileContent);
        return LbpSettings.load(Optional.of(configDirectory));
    }

    private void assertConfigError(String fileContent, String... messageParts) throws IOException {
        Files.writeString(configDirectory.resolve(LbpSettings.FILE_NAME), fileContent);
        assertThatThrownBy(() -> LbpSettings.load(Optional.of(configDirectory)))
                .isInstanceOfSatisfying(FaceSystemException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.CONFIG_ERROR))
                .hasMessageContaining(LbpSettings.FILE_NAME)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void defaultsAreRadiusTwoEightByEightChiSquareWithoutNormalisation() throws Exception {
        LbpSettings defaults = LbpSettings.load(Optional.empty());
        assertThat(defaults).isEqualTo(new LbpSettings(2, 8, 8, Similarity.BHATTACHARYYA, PhotometricNormalisation.NONE));
        assertThat(defaults.cells() * UniformPatterns.LABELS).isEqualTo(3776);
    }

    @Test
    void aConfigDirectoryWithoutTheFileMeansTheDefaults() throws Exception {
        assertThat(LbpSettings.load(Optional.of(configDirectory))).isEqualTo(LbpSettings.defaults());
    }

    @Test
    void everyKeyIsRead() throws Exception {
        LbpSettings settings = load("""
                # a comment
                radius = 1
                grid = 7x6
                similarity = intersection
                normalisation = histogram-equalisation
                """);
        assertThat(settings).isEqualTo(new LbpSettings(1, 7, 6, Similarity.INTERSECTION,
                PhotometricNormalisation.HISTOGRAM_EQUALISATION));
    }

    @Test
    void keysLeftOutKeepTheirDefaults() throws Exception {
        assertThat(load("normalisation=contrast-stretch\n")).isEqualTo(new LbpSettings(2, 8, 8,
                Similarity.BHATTACHARYYA, PhotometricNormalisation.CONTRAST_STRETCH));
    }

    @Test
    void anUnknownKeyIsNamed() throws Exception {
        assertConfigError("radius = 1\nnormalization = none\n", "unknown key 'normalization'");
    }

    @Test
    void badValuesNameTheKeyAndTheValue() throws Exception {
        assertConfigError("radius = 3", "'radius'", "'3'", "1 or 2");
        assertConfigError("grid = 8", "'grid'", "'8'");
        assertConfigError("grid = 25x8", "'grid'", "'25x8'", "24");
        assertConfigError("grid = 0x8", "'grid'", "'0x8'");
        assertConfigError("similarity = cosine", "'similarity'", "'cosine'", "chi-square | intersection | bhattacharyya");
        assertConfigError("normalisation = gamma", "'normalisation'", "'gamma'", "contrast-stretch");
    }

    @Test
    void aMissingConfigDirectoryIsAConfigError() {
        Path missing = configDirectory.resolve("nowhere");
        assertThatThrownBy(() -> LbpSettings.load(Optional.of(missing)))
                .isInstanceOfSatisfying(FaceSystemException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.CONFIG_ERROR))
                .hasMessageContaining("nowhere");
    }
}
