package org.touchstone.runner.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Executors run in other working directories: a system named by a file must be named absolutely. */
class SystemRecipeTest {
    private static final String HERE = Path.of("").toAbsolutePath().toString();

    @Test
    void filePathsBecomeAbsoluteAndTheRestStaysAsGiven() {
        assertThat(SystemRecipe.withAbsolutePath("jar:vendor/acme.jar")).isEqualTo("jar:" + HERE + "/vendor/acme.jar");
        assertThat(SystemRecipe.withAbsolutePath("jar:vendor/lib!acme-fr"))
                .isEqualTo("jar:" + HERE + "/vendor/lib!acme-fr");
        assertThat(SystemRecipe.withAbsolutePath("jar:/opt/acme.jar")).isEqualTo("jar:/opt/acme.jar");
        assertThat(SystemRecipe.withAbsolutePath("process:sys.json")).isEqualTo("process:" + HERE + "/sys.json");
        assertThat(SystemRecipe.withAbsolutePath("lbp")).isEqualTo("lbp");
        assertThat(SystemRecipe.withAbsolutePath("https://fr.example:8443")).isEqualTo("https://fr.example:8443");
    }
}
