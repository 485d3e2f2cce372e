package org.touchstone.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {
    @Test
    void parsesAndPrintsBack() {
        assertThat(SemanticVersion.parse("1.20.300")).isEqualTo(new SemanticVersion(1, 20, 300));
        assertThat(SemanticVersion.parse("0.0.0")).hasToString("0.0.0");
    }

    @Test
    void ordersNumericallyNotAsText() {
        List<SemanticVersion> sorted = Stream.of("1.10.0", "1.9.0", "0.9.9", "1.9.10", "1.9.2", "2.0.0")
                .map(SemanticVersion::parse).sorted().toList();

        assertThat(sorted).extracting(SemanticVersion::toString)
                .containsExactly("0.9.9", "1.9.0", "1.9.2", "1.9.10", "1.10.0", "2.0.0");
    }

    @Test
    void rejectsWhatIsNotMajorMinorPatch() {
        for (String bad : List.of("1.0", "1.0.0.0", "v1.0.0", "01.0.0", "1.0.0-rc1", "1.0.0+build", " 1.0.0", "",
                "1.0.9999999999")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SemanticVersion.parse(bad))
                    .withMessage("expected a semantic version MAJOR.MINOR.PATCH such as 1.0.0 (no leading zeros,"
                            + " no suffix), found '" + bad + "'");
        }
    }
}
