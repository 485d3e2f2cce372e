package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UniformPatternsTest {

    @Test
    void fiftyEightUniformCodesGetTheirOwnLabelsAndTheRestShareOne() {
        Set<Integer> uniformLabels = new TreeSet<>();
        int nonUniform = 0;
        for (int code = 0; code < 256; code++) {
            int label = UniformPatterns.label(code);
            if (label == UniformPatterns.NON_UNIFORM_LABEL) {
                nonUniform++;
            } else {
                assertThat(uniformLabels.add(label)).as("label of code %d used once", code).isTrue();
            }
        }
        assertThat(uniformLabels).hasSize(58).first().isEqualTo(0);
        assertThat(uniformLabels).last().isEqualTo(57);
        assertThat(nonUniform).isEqualTo(256 - 58);
        assertThat(UniformPatterns.LABELS).isEqualTo(59);
    }

    @Test
    void uniformCodesAreLabelledInIncreasingCodeOrder() {
        assertThat(UniformPatterns.label(0b0000_0000)).isEqualTo(0);
        assertThat(UniformPatterns.label(0b0000_0001)).isEqualTo(1);
        assertThat(UniformPatterns.label(0b0000_0010)).isEqualTo(2);
        assertThat(UniformPatterns.label(0b0000_0011)).isEqualTo(3);
        assertThat(UniformPatterns.label(0b0000_0100)).isEqualTo(4);
        // 0b101 has four transitions, so the next uniform code, 0b110, takes label 5.
        assertThat(UniformPatterns.label(0b0000_0101)).isEqualTo(UniformPatterns.NON_UNIFORM_LABEL);
        assertThat(UniformPatterns.label(0b0000_0110)).isEqualTo(5);
        assertThat(UniformPatterns.label(0b1111_1111)).isEqualTo(57);
    }

    @Test
    void transitionsAreCountedAroundTheCircle() {
        assertThat(UniformPatterns.transitions(0b0000_0000)).isZero();
        assertThat(UniformPatterns.transitions(0b1111_1111)).isZero();
        // Bits 7 and 0 are neighbours on the circle: 1000_0001 is one run of ones, two transitions.
        assertThat(UniformPatterns.transitions(0b1000_0001)).isEqualTo(2);
        assertThat(UniformPatterns.transitions(0b0101_0101)).isEqualTo(8);
        assertThat(UniformPatterns.transitions(0b0011_0011)).isEqualTo(4);
    }
}
