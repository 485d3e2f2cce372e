package org.touchstone.runner.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

class SystemRegistryTest {
    private final SystemRegistry registry = new SystemRegistry(getClass().getClassLoader());

    @Test
    void findsTheReferenceAndTestSystemsThroughServiceLoader() throws Exception {
        assertThat(registry.providers()).extracting(p -> p.descriptor().id())
                .contains("lbp", SubjectOracleProvider.ID, "test-analysis-only")
                .isSorted();
        FaceSystemProvider oracle = registry.require(SubjectOracleProvider.ID);
        assertThat(oracle).isInstanceOf(SubjectOracleProvider.class);
    }

    @Test
    void brokenAndIncompatibleProvidersAreSkippedWithTheirReason() {
        assertThat(registry.providers()).extracting(p -> p.descriptor().id())
                .doesNotContain("test-broken", "test-future-api");
        assertThat(registry.problems()).anySatisfy(p -> assertThat(p)
                .contains("BrokenProvider").contains("vendor is missing"));
        assertThat(registry.problems()).anySatisfy(p -> assertThat(p)
                .contains("test-future-api").contains("built against SPI 2.0.0"));
    }

    @Test
    void anUnknownIdListsWhatIsAvailable() {
        assertThatThrownBy(() -> registry.require("acme"))
                .isInstanceOf(UnknownSystemException.class)
                .hasMessageContaining("no system with id 'acme'")
                .hasMessageContaining("lbp")
                .hasMessageContaining(SubjectOracleProvider.ID);
    }
}
