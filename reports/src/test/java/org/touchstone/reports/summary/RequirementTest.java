package org.touchstone.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Requirements on the known figures of {@link RunSummaryTest#verification}. */
class RequirementTest {
    @Test
    void aMetRequirementPassesAndAnUnmetOneFailsWithTheMeasuredValueAndInterval() throws Exception {
        RunSummary summary = RunSummary.of(RunSummaryTest.verification(300, 151));
        // FNMR at FMR 1e-3 is 451/1200 = 0.3758: written as 1e-3, it is the figure keyed fmr=0.001.
        Requirement.Outcome met = Requirement.parse("fnmr@fmr=1e-3 <= 0.38").check(summary);
        assertThat(met.met()).isTrue();
        assertThat(met.message()).startsWith("PASS fnmr@fmr=1e-3 <= 0.38: measured 37.6%");
        Requirement.Outcome unmet = Requirement.parse("fnmr@fmr=0.001 <= 37%").check(summary);
        assertThat(unmet.met()).isFalse();
        assertThat(unmet.message()).startsWith("FAIL").contains("95% CI 34.8 to 40.4%", "451 of 1,200");
        // FTE is 6/1600 = 0.375%.
        assertThat(Requirement.parse("fte <= 0.00375").check(summary).met()).isTrue();
        assertThat(Requirement.parse("fte < 0.00375").check(summary).met()).isFalse();
    }

    @Test
    void aRequirementOnAnUnsupportedPointFailsAsUnsupported() throws Exception {
        Requirement.Outcome outcome = Requirement.parse("fnmr@fmr=1e-6 <= 1").check(RunSummary.of(RunSummaryTest.verification(1, 1)));
        assertThat(outcome.met()).isFalse();
        assertThat(outcome.message()).startsWith("FAIL fnmr@fmr=1e-6 <= 1: unsupported.");
    }

    @Test
    void malformedAndUnknownRequirementsAreNamed() throws Exception {
        assertThatThrownBy(() -> Requirement.parse("fnmr@fmr=1e-3 =< 0.05"))
                .isInstanceOf(Requirement.BadRequirementException.class).hasMessageContaining("'fnmr@fmr=1e-3 =< 0.05' is malformed");
        assertThatThrownBy(() -> Requirement.parse("fnmr@fmr=1e-2 <= 0.05").check(RunSummary.of(RunSummaryTest.verification(1, 1))))
                .isInstanceOf(Requirement.BadRequirementException.class).hasMessageContaining("names no figure")
                .hasMessageContaining("fnmr@fmr=0.001");
    }
}
