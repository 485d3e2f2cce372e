package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.ApiVersion;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;

class LbpSystemProviderTest {
    @TempDir
    Path directory;

    static SystemContext context(Optional<Path> configDirectory, Path workingDirectory) {
        return new SystemContext() {
            @Override
            public Optional<Path> configDirectory() {
                return configDirectory;
            }

            @Override
            public Path workingDirectory() {
                return workingDirectory;
            }

            @Override
            public int callerThreads() {
                return 1;
            }
        };
    }

    private static FaceSystemProvider lbpFromServiceLoader() {
        // Only providers listed before lbp have their descriptor asked for; lbp-compact's needs its projection,
        // which reference-training builds and this module's class path lacks.
        return ServiceLoader.load(FaceSystemProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.descriptor().id().equals("lbp"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("ServiceLoader did not find the lbp provider"));
    }

    @Test
    void serviceLoaderFindsTheProviderWithACompleteDescriptor() {
        FaceSystemProvider provider = lbpFromServiceLoader();
        assertThat(provider).isInstanceOf(LbpSystemProvider.class);

        SystemDescriptor descriptor = provider.descriptor();
        assertThat(descriptor.vendor()).isEqualTo("Touchstone reference algorithms");
        assertThat(descriptor.name()).isEqualTo("LBP histogram matcher");
        assertThat(descriptor.version()).isEqualTo("1.0.0");
        assertThat(descriptor.description()).contains("Ahonen", "Hadid", "Pietikäinen", "2006");
        assertThat(descriptor.capabilities()).containsExactly(Capability.VERIFICATION, Capability.IDENTIFICATION);
        assertThat(descriptor.scoreRange()).contains(new ScoreRange(0, 1));
        assertThat(descriptor.concurrency()).isEqualTo(Concurrency.THREAD_SAFE);
        assertThat(descriptor.apiVersion()).isEqualTo(ApiVersion.VERSION);
        assertThat(descriptor.properties()).containsKeys("operator", "grid", "similarity", "template-format",
                "template-role", "photometric-normalisation", "identification");
        assertThat(descriptor.properties().get("grid")).contains("8x8", "3776");
        assertThat(descriptor.properties().get("template-format")).contains("LBPH", "15116 bytes");
        assertThat(provider.descriptor()).isSameAs(descriptor);
    }

    @Test
    void declaresHighSecurityAndDefaultThresholdsInTheScoreRange() {
        List<OperatingThreshold> thresholds = new LbpSystemProvider().descriptor().thresholds(Capability.VERIFICATION);
        assertThat(thresholds).extracting(OperatingThreshold::name).containsExactly("high-security", "default");
        assertThat(thresholds).extracting(OperatingThreshold::value)
                .containsExactly(LbpOperatingThresholds.HIGH_SECURITY, LbpOperatingThresholds.DEFAULT);
        assertThat(LbpOperatingThresholds.HIGH_SECURITY).isGreaterThan(LbpOperatingThresholds.DEFAULT);
        assertThat(new LbpSystemProvider().descriptor().thresholds(Capability.IDENTIFICATION))
                .extracting(OperatingThreshold::name).containsExactly("default", "investigative");
    }

    @Test
    void opensWithoutAConfigDirectoryAndOffersRecognitionButNotAnalysis() throws Exception {
        try (FaceSystem system = new LbpSystemProvider().open(context(Optional.empty(), directory))) {
            assertThat(system.verifier()).isPresent();
            assertThat(system.identifier()).isPresent();
            assertThat(system.analyzer()).isEmpty();
        }
    }

    @Test
    void aBadConfigurationFailsToOpenNamingFileAndKey() throws Exception {
        Files.writeString(directory.resolve("lbp.properties"), "grid = huge\n");
        assertThatThrownBy(() -> new LbpSystemProvider().open(context(Optional.of(directory), directory)))
                .isInstanceOfSatisfying(FaceSystemException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.CONFIG_ERROR))
                .hasMessageContainingAll("lbp.properties", "'grid'");
    }

    @Test
    void runtimePropertiesReportTheSettingsInEffect() throws Exception {
        try (FaceSystem defaults = new LbpSystemProvider().open(context(Optional.empty(), directory))) {
            assertThat(defaults.runtimeProperties()).containsEntry("radius", "2").containsEntry("grid", "8x8")
                    .containsEntry("defaults", "true");
        }
        Files.writeString(directory.resolve("lbp.properties"), "radius = 1\nsimilarity = intersection\n");
        try (FaceSystem configured = new LbpSystemProvider().open(context(Optional.of(directory), directory))) {
            assertThat(configured.runtimeProperties()).containsEntry("radius", "1")
                    .containsEntry("similarity", "intersection").containsEntry("defaults", "false");
        }
    }
}
