package org.touchstone.runner.systems.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.UnknownSystemException;
import org.touchstone.runner.systems.inprocess.TimeLimitedProvider;
import org.touchstone.runner.testsystems.AnalysisOnlyProvider;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/** Vendor jars named {@code jar:PATH[!ID]}, each in a class loader that shows it only the SPI. */
class JarSystemsTest {
    /** Packs compiled test systems into a vendor jar, with their ServiceLoader registration. */
    private static Path vendorJar(Path dir, Class<?>... providers) throws Exception {
        Path jar = dir.resolve("vendor.jar");
        Path classes = Path.of(SubjectOracleProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            StringBuilder services = new StringBuilder();
            for (Class<?> provider : providers) {
                services.append(provider.getName()).append('\n');
                String path = provider.getName().replace('.', '/');
                Path folder = classes.resolve(path).getParent();
                String simple = provider.getSimpleName();
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().equals(simple + ".class")
                            || f.getFileName().toString().startsWith(simple + "$")).toList()) {
                        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.touchstone.api.FaceSystemProvider"));
            out.write(services.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aVendorJarLoadsInItsOwnClassLoaderThatSeesOnlyTheSpi(@TempDir Path tmp) throws Exception {
        Path jar = vendorJar(tmp, SubjectOracleProvider.class);
        FaceSystemProvider provider = JarSystems.load(jar, Optional.empty());

        assertThat(provider.descriptor().id()).isEqualTo(SubjectOracleProvider.ID);
        ClassLoader loader = provider.getClass().getClassLoader();
        assertThat(loader).isNotSameAs(SubjectOracleProvider.class.getClassLoader());
        assertThat(loader.getName()).isEqualTo("touchstone-vendor:vendor.jar");
        assertThatThrownBy(() -> loader.loadClass("org.touchstone.runner.systems.SystemFault"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(loader.loadClass("org.touchstone.api.Template")).isSameAs(org.touchstone.api.Template.class);
        assertThat(SystemArtifact.of(provider).location()).isEqualTo(jar.toAbsolutePath().toString());

        try (FaceSystem system = provider.open(new RunSystemContext(Optional.empty(), tmp, 1))) {
            var made = system.verifier().orElseThrow().createTemplate(
                    List.of(new FaceImage("S00042-01", ImageFormat.PNG, new byte[] {1})),
                    TemplateRole.VERIFICATION_PROBE);
            assertThat(made.value().toByteArray()).isEqualTo("S00042".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theResolverNamesJarSystemsAndSaysWhatAJarHolds(@TempDir Path tmp) throws Exception {
        Path jar = vendorJar(tmp, SubjectOracleProvider.class, AnalysisOnlyProvider.class);
        SystemResolver resolver = new SystemResolver(new SystemRegistry(getClass().getClassLoader()));

        assertThatThrownBy(() -> resolver.resolve("jar:" + jar, Map.of())).isInstanceOf(UnknownSystemException.class)
                .hasMessageContaining("holds several systems [" + AnalysisOnlyProvider.ID + ", "
                        + SubjectOracleProvider.ID + "]").hasMessageContaining("jar:" + jar + "!ID");
        FaceSystemProvider chosen = resolver.resolve("jar:" + jar + "!" + AnalysisOnlyProvider.ID, Map.of());
        assertThat(chosen).isInstanceOf(TimeLimitedProvider.class);
        assertThat(chosen.descriptor().id()).isEqualTo(AnalysisOnlyProvider.ID);
        assertThatThrownBy(() -> resolver.resolve("jar:" + jar + "!acme", Map.of()))
                .isInstanceOf(UnknownSystemException.class).hasMessageContaining("holds no system 'acme'");
        assertThatThrownBy(() -> resolver.resolve("jar:" + tmp.resolve("missing.jar"), Map.of()))
                .isInstanceOf(UnknownSystemException.class).hasMessageContaining("no such jar");
        assertThatThrownBy(() -> resolver.resolve("ftp://example.org", Map.of()))
                .isInstanceOf(UnknownSystemException.class).hasMessageContaining("process:CONFIG");
    }
}
