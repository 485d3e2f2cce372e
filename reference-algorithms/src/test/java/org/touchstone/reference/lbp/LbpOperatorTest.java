package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Codes of hand-made patches, worked out by hand. Neighbour p sits at 45p degrees counter-clockwise
 * from east. At radius 1 a diagonal neighbour is interpolated as 0.5 * corner + 0.2071 * (the two
 * pixels beside the corner) + 0.0858 * centre.
 */
class LbpOperatorTest {
    private static final int[] RAMP_3X3 = {
        10, 20, 30,
        40, 50, 60,
        70, 80, 90};

    private static int centreCode(int radius, int[] patch, int side) {
        int[] codes = new LbpOperator(radius).codes(patch, side, side);
        return codes[(side / 2) * side + side / 2];
    }

    @Test
    void codeOfARampPatchAtRadiusOne() {
        // E 60 >= 50: bit 0. NE 0.5*30 + 0.2071*(20+60) + 0.0858*50 = 35.9: no. N 20, NW 21.7, W 40: no.
        // SW 0.5*70 + 0.2071*(40+80) + 4.3 = 64.1: bit 5. S 80: bit 6. SE 78.3: bit 7.
        assertThat(centreCode(1, RAMP_3X3, 3)).isEqualTo(0b1110_0001);
    }

    @Test
    void diagonalNeighboursAreInterpolatedNotTakenFromTheCorner() {
        int[] darkerInterpolation = {
            40, 40, 58,
            40, 50, 40,
            40, 40, 40};
        // NE = 0.5*58 + 0.2071*80 + 0.0858*50 = 49.9 < 50, although the corner pixel itself is brighter.
        assertThat(centreCode(1, darkerInterpolation, 3)).isZero();
        int[] brighterInterpolation = {
            40, 40, 60,
            40, 50, 40,
            40, 40, 40};
        // NE = 0.5*60 + 0.2071*80 + 0.0858*50 = 50.9 >= 50: bit 1 only.
        assertThat(centreCode(1, brighterInterpolation, 3)).isEqualTo(0b0000_0010);
    }

    @Test
    void aFlatPatchSetsEveryBitBecauseTiesCountAsBrighter() {
        int[] flat = new int[25];
        java.util.Arrays.fill(flat, 77);
        assertThat(new LbpOperator(1).codes(flat, 5, 5)).containsOnly(0xFF);
        assertThat(new LbpOperator(2).codes(flat, 5, 5)).containsOnly(0xFF);
    }

    @Test
    void codeOfAHorizontalRampAtRadiusTwo() {
        // Brightness 10 * column; the centre (column 2) is 20. Points at columns 2 + 2cos(45p degrees):
        // E 4 (40), NE 3.41 (34.1), N 2 (20, a tie), NW 0.59 (5.9), W 0, SW 0.59, S 2 (tie), SE 3.41.
        int[] ramp = new int[25];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = 10 * (i % 5);
        }
        assertThat(centreCode(2, ramp, 5)).isEqualTo(0b1100_0111);
    }

    @Test
    void pixelsAtTheBorderSeeTheEdgeRepeated() {
        // Top-left pixel (10): every neighbour is itself (repeated edge) or brighter, so every bit is set.
        assertThat(new LbpOperator(1).codes(RAMP_3X3, 3, 3)[0]).isEqualTo(0xFF);
        // Bottom-right pixel (90): outside the patch, column 3 repeats column 2 and row 3 repeats row 2.
        // E 90 tie: bit 0. NE 0.5*60 + 0.2071*(60+90) + 0.0858*90 = 68.8: no. N 60, NW 61.7, W 80: no.
        // SW 0.5*80 + 0.2071*(80+90) + 7.7 = 82.9: no. S 90 tie: bit 6. SE 90 tie: bit 7.
        assertThat(new LbpOperator(1).codes(RAMP_3X3, 3, 3)[8]).isEqualTo(0b1100_0001);
    }

    @Test
    void radiusMustBePositive() {
        assertThatThrownBy(() -> new LbpOperator(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
