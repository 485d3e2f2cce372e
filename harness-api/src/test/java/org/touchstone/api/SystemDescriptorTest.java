package org.touchstone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SystemDescriptorTest {
    private static SystemDescriptor.Builder complete() {
        return SystemDescriptor.builder("acme-fr").vendor("Acme").name("Acme FR").version("2.1")
                .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 100));
    }

    @Test
    void aCompleteDescriptorKeepsWhatItWasGiven() {
        SystemDescriptor d = complete()
                .threshold(new OperatingThreshold("investigative", Capability.VERIFICATION, 99, "lead generation"))
                .threshold(new OperatingThreshold("default", Capability.VERIFICATION, 80, ""))
                .property("model", "resnet-100")
                .build();
        assertThat(d.id()).isEqualTo("acme-fr");
        assertThat(d.offers(Capability.VERIFICATION)).isTrue();
        assertThat(d.offers(Capability.ANALYSIS)).isFalse();
        assertThat(d.thresholds()).extracting(OperatingThreshold::name).containsExactly("investigative", "default");
        assertThat(d.thresholds(Capability.VERIFICATION)).hasSize(2);
        assertThat(d.concurrency()).isEqualTo(Concurrency.THREAD_SAFE);
        assertThat(d.apiVersion()).isEqualTo(ApiVersion.VERSION);
        assertThat(d.properties()).containsEntry("model", "resnet-100");
        assertThat(d.scoreRange()).contains(new ScoreRange(0, 100));
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> SystemDescriptor.builder("Bad Id").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("id 'Bad Id' must match")
                .hasMessageContaining("vendor is missing")
                .hasMessageContaining("name is missing")
                .hasMessageContaining("version is missing")
                .hasMessageContaining("no capabilities declared");
    }

    @Test
    void recognitionNeedsAScoreRangeAndAnalysisNeedsAttributes() {
        assertThatThrownBy(() -> SystemDescriptor.builder("x").vendor("v").name("n").version("1")
                .capabilities(Capability.IDENTIFICATION).build())
                .hasMessageContaining("must declare its score range");
        assertThatThrownBy(() -> SystemDescriptor.builder("x").vendor("v").name("n").version("1")
                .capabilities(Capability.ANALYSIS).build())
                .hasMessageContaining("must declare the attributes");
    }

    @Test
    void thresholdsMustFitTheirCapability() {
        assertThatThrownBy(() -> complete()
                .threshold(new OperatingThreshold("too-high", Capability.VERIFICATION, 101, "")).build())
                .hasMessageContaining("'too-high' = 101.0 lies outside the score range [0.0, 100.0]");
        assertThatThrownBy(() -> complete()
                .threshold(new OperatingThreshold("conf", Capability.ANALYSIS, 0.9, "")).build())
                .hasMessageContaining("is for ANALYSIS, which is not offered");
        assertThatThrownBy(() -> complete()
                .threshold(new OperatingThreshold("d", Capability.VERIFICATION, 50, ""))
                .threshold(new OperatingThreshold("d", Capability.VERIFICATION, 60, "")).build())
                .hasMessageContaining("'d' declared twice");
        assertThatThrownBy(() -> SystemDescriptor.builder("x").vendor("v").name("n").version("1")
                .capabilities(Capability.ANALYSIS).attributes(Attribute.SEX)
                .threshold(new OperatingThreshold("sure", Capability.ANALYSIS, 99, "")).build())
                .hasMessageContaining("confidence threshold 'sure' must be in [0, 1]");
    }

    @Test
    void scoreRangesAndThresholdsRejectNonsense() {
        assertThatThrownBy(() -> new ScoreRange(1, 1)).hasMessageContaining("min < max");
        assertThatThrownBy(() -> new ScoreRange(Double.NaN, 1)).hasMessageContaining("min < max");
        assertThat(new ScoreRange(0, 1).contains(1.0)).isTrue();
        assertThat(new ScoreRange(0, 1).contains(Double.NaN)).isFalse();
        assertThat(new ScoreRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                .contains(Double.POSITIVE_INFINITY)).isFalse();
        assertThatThrownBy(() -> new OperatingThreshold(" ", Capability.VERIFICATION, 1, ""))
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> new OperatingThreshold("t", Capability.VERIFICATION, Double.NaN, ""))
                .hasMessageContaining("must be finite");
    }
}
