package org.touchstone.runner;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner's package structure, as {@code package-info.java} of each package states it: no package
 * cycle, and imports one way only, from the command line through the engine to the systems and the SPI:
 *
 * <pre>
 * org.touchstone.runner          launching: main and the wiring
 *   -> cli..                     commands, validate, bench
 *     -> engine..                a prepared run: plan, stages, backends, checkpoints, timing, run directory
 *       -> systems..             resolving, guarding, opening and serving systems; the wire format
 *         -> harness-api         the SPI
 * </pre>
 *
 * Inside the engine, the run ({@code engine}) drives the three capability runners, which share the
 * stages ({@code engine.stage}), which use the engine's services; inside the systems, the servers and
 * the resolver sit on the adapters, which sit on the wire format and the shared vocabulary.
 */
class ArchitectureTest {
    private static final String RUNNER = "org.touchstone.runner";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/jmh_generated/"))
                .importPackages(RUNNER);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching(RUNNER + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void commandLineUsesEngineUsesSystems() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("launch").definedBy(RUNNER)
                .layer("cli").definedBy(RUNNER + ".cli..")
                .layer("engine").definedBy(RUNNER + ".engine..")
                .layer("systems").definedBy(RUNNER + ".systems..")
                .whereLayer("launch").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("launch")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("cli", "launch")
                .whereLayer("systems").mayOnlyBeAccessedByLayers("engine", "cli", "launch")
                .check(classes);
    }

    @Test
    void theRunDrivesCapabilitiesWhichShareTheStages() {
        String engine = RUNNER + ".engine";
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("run").definedBy(engine)
                .layer("capabilities").definedBy(engine + ".verification..", engine + ".identification..",
                        engine + ".analysis..")
                .layer("stages").definedBy(engine + ".stage..")
                .layer("services").definedBy(engine + ".prepare..", engine + ".backend..", engine + ".checkpoint..",
                        engine + ".timing..", engine + ".rundir..", engine + ".progress..")
                .whereLayer("run").mayNotBeAccessedByAnyLayer()
                .whereLayer("capabilities").mayOnlyBeAccessedByLayers("run")
                .whereLayer("stages").mayOnlyBeAccessedByLayers("run", "capabilities")
                .check(classes);
        for (String capability : List.of("verification", "identification", "analysis")) {
            noClasses().that().resideInAPackage(engine + "." + capability + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(Stream.of("verification", "identification", "analysis")
                            .filter(other -> !other.equals(capability)).map(other -> engine + "." + other + "..")
                            .toArray(String[]::new))
                    .because("each capability is planned and run on its own")
                    .check(classes);
        }
    }

    @Test
    void serversAndResolverSitOnTheAdaptersWhichSitOnTheWireFormat() {
        String systems = RUNNER + ".systems";
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("servers").definedBy(systems + ".serve..")
                .layer("resolution").definedBy(systems + ".resolve..")
                .layer("guards").definedBy(systems + ".guard..")
                .layer("adapters").definedBy(systems + ".inprocess..", systems + ".jar..", systems + ".process..",
                        systems + ".http..", systems + ".remote..", systems + ".submission..")
                .layer("wire").definedBy(systems + ".wire..")
                .layer("vocabulary").definedBy(systems)
                .whereLayer("servers").mayNotBeAccessedByAnyLayer()
                .whereLayer("guards").mayNotBeAccessedByAnyLayer()
                .whereLayer("resolution").mayOnlyBeAccessedByLayers("servers")
                .whereLayer("adapters").mayOnlyBeAccessedByLayers("resolution")
                .whereLayer("wire").mayOnlyBeAccessedByLayers("adapters", "servers")
                .check(classes);
    }

    @Test
    void systemsKnowTheSpiButNeitherProtocolsNorReports() {
        noClasses().that().resideInAPackage(RUNNER + ".systems..").should().dependOnClassesThat(
                        resideInAPackage("org.touchstone.reports..").or(resideInAPackage("org.touchstone.protocols..")
                                .and(not(resideInAPackage("org.touchstone.protocols.support..")))))
                .because("a system is tested through the SPI alone; what a run means is the engine's")
                .check(classes);
    }

    @Test
    void everyPackageSaysWhatItIsForInAPackageInfo() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> withoutInfo = files.filter(Files::isDirectory)
                    .filter(dir -> hasJava(dir) && !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertThat(withoutInfo).as("packages without package-info.java").isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
