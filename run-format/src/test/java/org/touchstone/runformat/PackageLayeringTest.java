package org.touchstone.runformat;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module's packages import each other one way, as their package-info files state. */
class PackageLayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importTheModule() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.touchstone.runformat");
    }

    @Test
    void noPackageCycle() {
        slices().matching("org.touchstone.runformat.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void packagesImportOnlyTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("io").definedBy("org.touchstone.runformat.io..")
                .layer("columns").definedBy("org.touchstone.runformat.columns..")
                .layer("format").definedBy("org.touchstone.runformat")
                .layer("json").definedBy("org.touchstone.runformat.json..")
                .layer("runjson").definedBy("org.touchstone.runformat.runjson..")
                .layer("descriptor").definedBy("org.touchstone.runformat.descriptor..")
                .layer("signing").definedBy("org.touchstone.runformat.signing..")
                .layer("store").definedBy("org.touchstone.runformat.store..")
                .whereLayer("store").mayNotBeAccessedByAnyLayer()
                .whereLayer("signing").mayNotBeAccessedByAnyLayer()
                .whereLayer("descriptor").mayNotBeAccessedByAnyLayer()
                .whereLayer("runjson").mayOnlyBeAccessedByLayers("descriptor")
                .whereLayer("json").mayOnlyBeAccessedByLayers("runjson", "descriptor")
                .whereLayer("format").mayOnlyBeAccessedByLayers("json", "runjson", "descriptor", "signing", "store")
                .whereLayer("columns").mayOnlyBeAccessedByLayers("format", "runjson", "descriptor", "store")
                .whereLayer("io").mayOnlyBeAccessedByLayers("format", "runjson", "descriptor", "signing")
                .check(classes);
    }
}
