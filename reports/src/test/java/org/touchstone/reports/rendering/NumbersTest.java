package org.touchstone.reports.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.touchstone.reports.stats.Proportion;

class NumbersTest {
    @Test
    void zeroEventsArePrintedAsTheUpperBoundTheyAllow() {
        // 1 - 0.05^(1/500) = 0.005974...: about 3/500.
        assertThat(Numbers.rate("FPIR", new Proportion(0, 500), "false positives", "non-mated searches"))
                .isEqualTo("0 false positives in 500 non-mated searches: FPIR <= 0.597% at 95%");
        assertThat(Numbers.rate("FPIR", new Proportion(6, 500), "false positives", "non-mated searches"))
                .isEqualTo("FPIR 1.20% (6/500)");
        // No trials: nothing is allowed, and nothing is claimed.
        assertThat(Numbers.rate("FPIR", new Proportion(0, 0), "false positives", "non-mated searches"))
                .isEqualTo("FPIR undefined (0/0)");
    }
}
