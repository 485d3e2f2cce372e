package org.touchstone.reference.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.SystemContext;

/**
 * The provider on this module's own class path, which lacks the fitted models (reference-training's build makes
 * them; the system with its models is tested there): it is listed and described all the same, and opening it
 * says where the models come from.
 */
class SyntheticAttributeProviderTest {
    private static final SystemContext CONTEXT = new SystemContext() {
        @Override
        public Optional<Path> configDirectory() {
            return Optional.empty();
        }

        @Override
        public Path workingDirectory() {
            return Path.of(".");
        }

        @Override
        public int callerThreads() {
            return 1;
        }
    };

    @Test
    void withoutItsModelsItIsStillListedAndDescribed() {
        FaceSystemProvider provider = ServiceLoader.load(FaceSystemProvider.class).stream()
                .filter(p -> p.type() == SyntheticAttributeProvider.class).map(ServiceLoader.Provider::get)
                .findFirst().orElseThrow();
        assertThat(provider.descriptor().id()).isEqualTo("synthetic-attributes");
        assertThat(provider.descriptor().capabilities()).containsExactly(Capability.ANALYSIS);
        assertThat(SyntheticAttributeProvider.class.getResource(AttributeModels.RESOURCE))
                .as("%s on reference-algorithms' class path (a stale copy in its target/classes goes with mvn"
                        + " clean)", AttributeModels.RESOURCE).isNull();
        assertThat(catchThrowable(() -> provider.open(CONTEXT))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reference-training");
    }
}
