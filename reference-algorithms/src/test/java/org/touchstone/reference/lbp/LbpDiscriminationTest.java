package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;

/**
 * Does the system tell people apart? Eight synthetic identities, three images each, every pair compared.
 * On these faces the defaults measured a genuine mean of 0.852 against an impostor mean of 0.821
 * (impostor standard deviation 0.019) and found the same identity as nearest neighbour for 18 of 24
 * images; the bounds below leave room for rendering differences between JDKs, yet fail for a system
 * that scores at random (its nearest neighbour is right for about 2 of 23 candidates, 9%).
 */
class LbpDiscriminationTest {
    private static final int IDENTITIES = 8;
    private static final int SAMPLES = 3;

    static Stream<LbpSettings> settings() {
        return Stream.of(LbpSettings.defaults(),
                new LbpSettings(1, 8, 8, Similarity.CHI_SQUARE, PhotometricNormalisation.NONE),
                new LbpSettings(2, 8, 8, Similarity.INTERSECTION, PhotometricNormalisation.NONE),
                new LbpSettings(2, 8, 8, Similarity.CHI_SQUARE, PhotometricNormalisation.CONTRAST_STRETCH));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void genuinePairsScoreAboveImpostorPairs(LbpSettings settings) {
        LbpVerifier verifier = new LbpVerifier(settings);
        List<Template> templates = new ArrayList<>();
        for (int id = 0; id < IDENTITIES; id++) {
            for (int s = 0; s < SAMPLES; s++) {
                templates.add(verifier.createTemplate(List.of(SyntheticFaces.face(id, s)),
                        TemplateRole.VERIFICATION_ENROLMENT).value());
            }
        }
        double[][] scores = new double[templates.size()][templates.size()];
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            for (int j = 0; j < templates.size(); j++) {
                scores[i][j] = verifier.compare(templates.get(i), templates.get(j)).similarity();
                if (j > i) {
                    (sameIdentity(i, j) ? genuine : impostor).add(scores[i][j]);
                }
            }
        }
        double genuineMean = mean(genuine);
        double impostorMean = mean(impostor);
        double impostorDeviation = Math.sqrt(impostor.stream().mapToDouble(s -> (s - impostorMean) * (s - impostorMean))
                .sum() / (impostor.size() - 1));

        assertThat(genuineMean).isGreaterThan(impostorMean);
        assertThat(genuineMean - impostorMean).as("gap in impostor standard deviations %s", impostorDeviation)
                .isGreaterThan(impostorDeviation);
        assertThat(nearestNeighbourIsSameIdentity(scores)).isGreaterThanOrEqualTo(templates.size() / 2);
    }

    private static int nearestNeighbourIsSameIdentity(double[][] scores) {
        int hits = 0;
        for (int i = 0; i < scores.length; i++) {
            int nearest = i == 0 ? 1 : 0;
            for (int j = 0; j < scores.length; j++) {
                if (j != i && scores[i][j] > scores[i][nearest]) {
                    nearest = j;
                }
            }
            hits += sameIdentity(i, nearest) ? 1 : 0;
        }
        return hits;
    }

    private static boolean sameIdentity(int i, int j) {
        return i / SAMPLES == j / SAMPLES;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
