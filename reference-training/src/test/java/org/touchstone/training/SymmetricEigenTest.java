package org.touchstone.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    @Test
    void aTwoByTwoMatrixHasItsTextbookEigenpairs() {
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertThat(eigen.values()).containsExactly(new double[] {1, 3}, within(1e-12));
        double r = Math.sqrt(0.5);
        assertThat(Math.abs(eigen.vector(0)[0])).isCloseTo(r, within(1e-12));
        assertThat(eigen.vector(0)[0]).isCloseTo(-eigen.vector(0)[1], within(1e-12));
        assertThat(eigen.vector(1)[0]).isCloseTo(eigen.vector(1)[1], within(1e-12));
    }

    @Test
    void aDiagonalMatrixIsSortedAscending() {
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{5, 0, 0}, {0, -2, 0}, {0, 0, 3}});
        assertThat(eigen.values()).containsExactly(new double[] {-2, 3, 5}, within(1e-12));
        assertThat(Math.abs(eigen.vector(2)[0])).isCloseTo(1, within(1e-12));
    }

    @Test
    void aRandomCovarianceIsReconstructedFromOrthonormalEigenvectors() {
        int n = 40;
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[60][n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian() * (1 + j % 5);
            }
        }
        double[][] a = new double[n][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(a);
        for (int p = 0; p < n; p++) {
            double[] v = eigen.vector(p);
            for (int q = 0; q < n; q++) {
                double dot = 0;
                double[] w = eigen.vector(q);
                for (int i = 0; i < n; i++) {
                    dot += v[i] * w[i];
                }
                assertThat(dot).as("v%d . v%d", p, q).isCloseTo(p == q ? 1 : 0, within(1e-10));
            }
            // A v = lambda v
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * v[j];
                }
                assertThat(av).isCloseTo(eigen.values()[p] * v[i], within(1e-8 * eigen.values()[n - 1]));
            }
            if (p > 0) {
                assertThat(eigen.values()[p]).isGreaterThanOrEqualTo(eigen.values()[p - 1]);
            }
        }
    }
}
