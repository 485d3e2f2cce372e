package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Two "cells" of three bins each, one cell per grid row, each summing to 1. */
class SimilarityTest {
    private static final float[][] A = {{0.5f, 0.5f, 0f}, {1f, 0f, 0f}};
    private static final float[][] B = {{0.25f, 0.25f, 0.5f}, {0f, 0f, 1f}};

    @Test
    void chiSquareMatchesTheHandComputedValue() {
        // Row 1: 0.25^2/0.75 + 0.25^2/0.75 + 0.5^2/0.5 = 1/12 + 1/12 + 1/2 = 2/3.
        // Row 2: 1^2/1 + (empty bin) 0 + 1^2/1 = 2, the maximum for one cell.
        assertThat(Similarity.chiSquare(A, B, new float[3])).isCloseTo(2.0 / 3 + 2, within(1e-6));
        assertThat(Similarity.CHI_SQUARE.similarity(A, B, 2, new float[3])).isCloseTo(1 - (8.0 / 3) / 4, within(1e-6));
    }

    @Test
    void intersectionMatchesTheHandComputedValue() {
        // Row 1: 0.25 + 0.25 + 0 = 0.5; row 2 shares nothing.
        assertThat(Similarity.intersection(A, B, new float[3])).isCloseTo(0.5, within(1e-6));
        assertThat(Similarity.INTERSECTION.similarity(A, B, 2, new float[3])).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void bhattacharyyaMatchesTheHandComputedValue() {
        // Row 1: sqrt(0.5 * 0.25) * 2 + 0 = 2 * 0.353553 = 0.707107; row 2 shares nothing.
        assertThat(Similarity.bhattacharyya(A, B, new float[3])).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(Similarity.BHATTACHARYYA.similarity(A, B, 2, new float[3])).isCloseTo(Math.sqrt(0.5) / 2,
                within(1e-6));
        assertThat(Similarity.BHATTACHARYYA.similarity(A, A, 2, new float[3])).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void identicalHistogramsAreExactlyOneAndDisjointOnesZero() {
        assertThat(Similarity.CHI_SQUARE.similarity(A, A, 2, new float[3])).isEqualTo(1.0);
        assertThat(Similarity.INTERSECTION.similarity(A, A, 2, new float[3])).isEqualTo(1.0);
        float[][] disjoint = {{0f, 0f, 1f}, {0f, 1f, 0f}};
        assertThat(Similarity.CHI_SQUARE.similarity(A, disjoint, 2, new float[3])).isEqualTo(0.0);
        assertThat(Similarity.INTERSECTION.similarity(A, disjoint, 2, new float[3])).isEqualTo(0.0);
    }

    @Test
    void bothMeasuresAreSymmetric() {
        for (Similarity similarity : Similarity.values()) {
            assertThat(similarity.similarity(A, B, 2, new float[3])).isEqualTo(similarity.similarity(B, A, 2, new float[3]));
        }
    }

    @Test
    void leftoversInTheScratchArrayDoNotChangeTheResult() {
        for (Similarity similarity : Similarity.values()) {
            float[] dirty = {7f, -1f, 1e9f};
            assertThat(similarity.similarity(A, B, 2, dirty)).isEqualTo(similarity.similarity(A, B, 2, new float[3]));
        }
    }

    @Test
    void valuesThatCannotBeHistogramsGiveNaN() {
        float[][] withNaN = {{0.5f, Float.NaN, 0f}, {1f, 0f, 0f}};
        float[][] huge = {{1e6f, 0f, 0f}, {1f, 0f, 0f}};
        float[][] negative = {{-3f, 0f, 0f}, {0f, 0f, 0f}};
        for (Similarity similarity : Similarity.values()) {
            assertThat(similarity.similarity(withNaN, B, 2, new float[3])).as(similarity + " NaN").isNaN();
            assertThat(similarity.similarity(negative, B, 2, new float[3])).as(similarity + " negative").isNaN();
        }
        assertThat(Similarity.CHI_SQUARE.similarity(huge, B, 2, new float[3])).isNaN();
    }
}
