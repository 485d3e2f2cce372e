package org.touchstone.reports;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering that the package-info files of {@code org.touchstone.reports} state, checked on the compiled
 * main classes: no package cycle, each package importing only the reports packages below it, and the
 * metric packages free of I/O and of file formats.
 */
class ArchitectureTest {
    private static final String REPORTS = "org.touchstone.reports";
    private static final String[] METRICS = {REPORTS + ".stats", REPORTS + ".differentials",
        REPORTS + ".verification", REPORTS + ".identification", REPORTS + ".attributes"};
    private static final String INPUT = REPORTS + ".input";
    private static final String RENDERING = REPORTS + ".rendering";
    private static final String[] CAPABILITY_REPORTS = {REPORTS + ".verification.report",
        REPORTS + ".identification.report", REPORTS + ".analysis.report"};
    private static final String TIMING = REPORTS + ".timing";
    private static final String CARD = REPORTS + ".card";
    private static final String SUMMARY = REPORTS + ".summary";
    private static final String COMPARISON = REPORTS + ".comparison";
    private static final String VERIFY = REPORTS + ".verify";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(REPORTS);
    }

    @Test
    void noPackageCycle() {
        // Every package is a slice, the root package included ("(**)" also captures "reports" alone).
        slices().matching("org.touchstone.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void metricsAreFreeOfIoAndOfEverythingAboveThem() {
        noClasses().that().resideInAnyPackage(METRICS).should().dependOnClassesThat(
                resideInAnyPackage("java.nio.file..", "com.fasterxml..", "org.apache.commons.csv..", "org.knowm..",
                        "org.touchstone.runformat..")
                        .or(resideInAPackage("java.io").and(not(equivalentTo(Serializable.class)))))
                .check(classes);
        mayImport(REPORTS + ".stats");
        mayImport(REPORTS + ".differentials", REPORTS + ".stats");
        mayImport(REPORTS + ".verification", REPORTS + ".stats");
        mayImport(REPORTS + ".identification", REPORTS + ".stats", REPORTS + ".verification");
        mayImport(REPORTS + ".attributes", REPORTS + ".stats", REPORTS + ".verification");
    }

    @Test
    void readersImportOnlyMetrics() {
        mayImport(INPUT, METRICS);
    }

    @Test
    void renderingImportsOnlyReadersAndMetrics() {
        mayImport(RENDERING, join(METRICS, INPUT));
    }

    @Test
    void eachCapabilityReportStandsAlone() {
        for (String report : CAPABILITY_REPORTS) {
            mayImport(report, join(METRICS, INPUT, RENDERING));
        }
        mayImport(TIMING, INPUT, RENDERING);
    }

    @Test
    void pagesReadFilesNotResults() {
        mayImport(SUMMARY, REPORTS + ".stats");
        mayImport(CARD, SUMMARY);
    }

    @Test
    void entryPointsSitAboveTheReportsAndBelowComparisonAndVerify() {
        mayImport(REPORTS, join(METRICS, INPUT, RENDERING, TIMING, CARD, join(CAPABILITY_REPORTS)));
        mayImport(COMPARISON, join(METRICS, RENDERING, CARD));
        mayImport(REPORTS + ".site", COMPARISON, CARD, SUMMARY);
        mayImport(VERIFY, REPORTS, INPUT);
    }

    @Test
    void everyPackageSaysWhatItIsForAndWhatItMayImport() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> withoutInfo = files.filter(Files::isDirectory)
                    .filter(dir -> containsJava(dir) && !Files.exists(dir.resolve("package-info.java"))).toList();
            assertThat(withoutInfo).as("packages without package-info.java").isEmpty();
        }
    }

    private static boolean containsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Classes of {@code pkg} depend on no reports class outside {@code pkg} and {@code allowed}. */
    private static void mayImport(String pkg, String... allowed) {
        classes().that().resideInAPackage(pkg).should().onlyDependOnClassesThat(
                resideOutsideOfPackage(REPORTS + "..").or(resideInAnyPackage(join(allowed, pkg))))
                .check(classes);
    }

    private static String[] join(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof String[] array) {
                all.addAll(List.of(array));
            } else {
                all.add((String) part);
            }
        }
        return all.toArray(String[]::new);
    }
}
