package org.touchstone.runner;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What holds across every module on the runner's class path (harness-api, run-format, protocols,
 * reference-algorithms, reports and the runner; harness-spark, reference-training and benchmarks are one package
 * each): no package cycle inside any of them, and no class name that means two things. Maven already forbids
 * cycles between modules; the per-module layering is each module's own ArchitectureTest.
 */
class ModuleStructureTest {
    /**
     * Names defined in two modules for the same concept: reports cannot depend on protocols, so it has its own
     * copy of the failure policy, with the same name and the same values.
     */
    private static final Set<String> SAME_CONCEPT = Set.of("AnalysisFailurePolicy");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.touchstone");
    }

    @Test
    void noModuleHasAPackageCycle() {
        assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
                .as("the modules' classes were found").contains("org.touchstone.api", "org.touchstone.runformat",
                        "org.touchstone.protocols", "org.touchstone.reports", "org.touchstone.runner");
        slices().matching("org.touchstone.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noTopLevelClassNameIsDefinedTwice() {
        Map<String, List<String>> byName = classes.stream().filter(c -> c.isTopLevelClass())
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        byName.keySet().removeIf(name -> byName.get(name).size() < 2 || SAME_CONCEPT.contains(name)
                || name.equals("package-info"));
        assertThat(byName).as("classes of one name in several packages").isEmpty();
    }
}
