package org.touchstone.reports.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.touchstone.reports.stats.Proportion;

class CategoricalAttributeTest {
    /**
     * Eight images: four right estimates (female 0.95, male 0.9, male 0.99, female 0.5), two wrong (female
     * taken for male at 0.6, male for female at 0.99), one failed analysis (female) and one male face
     * without an estimate.
     */
    static List<LabelledOutcome> handMade() {
        return List.of(
                LabelledOutcome.estimated("female", "female", 0.95),
                LabelledOutcome.estimated("female", "male", 0.6),
                LabelledOutcome.estimated("male", "male", 0.9),
                LabelledOutcome.estimated("male", "male", 0.99),
                LabelledOutcome.estimated("female", "female", 0.5),
                LabelledOutcome.estimated("male", "female", 0.99),
                LabelledOutcome.failedAnalysis("female"),
                LabelledOutcome.notEstimated("male"));
    }

    @Test
    void coverageAndAccuracyAtAThresholdUnderEachPolicy() {
        CategoricalAttribute undecided = CategoricalAttribute.of(handMade(), AnalysisFailurePolicy.UNDECIDED);
        assertThat(undecided.images()).isEqualTo(8);
        assertThat(undecided.estimates()).isEqualTo(6);
        assertThat(undecided.failedImages()).isEqualTo(1);
        // >= 0.9: 0.95 (right), 0.9 (right), 0.99 (right), 0.99 (wrong).
        Decisions at90 = undecided.at(0.9);
        assertThat(at90.coverage()).isEqualTo(new Proportion(4, 8));
        assertThat(at90.accuracy()).isEqualTo(new Proportion(3, 4));
        assertThat(at90.error()).isEqualTo(new Proportion(1, 4));
        assertThat(undecided.at(0).accuracy()).isEqualTo(new Proportion(4, 6));
        // The failed analysis is a decided, wrong answer at every threshold.
        CategoricalAttribute error = CategoricalAttribute.of(handMade(), AnalysisFailurePolicy.ERROR);
        assertThat(error.at(0.9).coverage()).isEqualTo(new Proportion(5, 8));
        assertThat(error.at(0.9).accuracy()).isEqualTo(new Proportion(3, 5));
        assertThat(error.at(1.0).accuracy()).isEqualTo(new Proportion(0, 1));
    }

    @Test
    void everythingUndecidedLeavesAccuracyUndefined() {
        Decisions none = CategoricalAttribute.of(handMade(), AnalysisFailurePolicy.UNDECIDED).at(1.0);
        assertThat(none.coverage()).isEqualTo(new Proportion(0, 8));
        assertThat(none.accuracy().isDefined()).isFalse();
        CategoricalAttribute empty = CategoricalAttribute.of(List.of(), AnalysisFailurePolicy.UNDECIDED);
        assertThat(empty.at(0.5).coverage().isDefined()).isFalse();
        assertThat(empty.calibration(10).ece()).isNaN();
        assertThat(empty.accuracyCoverage().points()).isEmpty();
    }

    @Test
    void highConfidenceAccuracyLeavesFailuresOutWhateverThePolicy() {
        assertThat(CategoricalAttribute.of(handMade(), AnalysisFailurePolicy.ERROR).accuracyAtOrAbove(0.99))
                .isEqualTo(new Proportion(1, 2));
    }

    @Test
    void confusionMatrixHasUndecidedAndFailedColumns() {
        ConfusionMatrix matrix = CategoricalAttribute.of(handMade(), AnalysisFailurePolicy.UNDECIDED).confusion(0.9);
        assertThat(matrix.labels()).containsExactly("female", "male");
        assertThat(matrix.count("female", "female")).isEqualTo(1);
        assertThat(matrix.count("female", "male")).isZero();
        assertThat(matrix.count("male", "male")).isEqualTo(2);
        assertThat(matrix.count("male", "female")).isEqualTo(1);
        // female: 0.6 and 0.5 fall below 0.9; male: the face without an estimate.
        assertThat(matrix.undecided()).containsExactly(2, 1);
        assertThat(matrix.failed()).containsExactly(1, 0);
        assertThat(matrix.rowTotal("female") + matrix.rowTotal("male")).isEqualTo(8);
    }

    @Test
    void calibrationByHand() {
        Calibration calibration = CategoricalAttribute.of(handMade(), AnalysisFailurePolicy.UNDECIDED).calibration(10);
        // Bins: 5 holds 0.5 (right); 6 holds 0.6 (wrong); 9 holds 0.95, 0.9, 0.99 (right) and 0.99 (wrong).
        assertThat(calibration.estimates()).isEqualTo(6);
        assertThat(calibration.bins()).hasSize(10);
        Calibration.Bin top = calibration.bins().get(9);
        assertThat(top.count()).isEqualTo(4);
        assertThat(top.meanConfidence()).isCloseTo(3.83 / 4, within(1e-12));
        assertThat(top.accuracy()).isEqualTo(new Proportion(3, 4));
        assertThat(calibration.bins().get(6).accuracy()).isEqualTo(new Proportion(0, 1));
        assertThat(calibration.bins().get(3).count()).isZero();
        assertThat(calibration.bins().get(3).meanConfidence()).isNaN();
        // ECE = (1/6) 0.5 + (1/6) 0.6 + (4/6) |0.75 - 0.9575|; MCE = 0.6.
        assertThat(calibration.ece()).isCloseTo((0.5 + 0.6 + 4 * 0.2075) / 6, within(1e-12));
        assertThat(calibration.mce()).isCloseTo(0.6, within(1e-12));
        // Brier: 0.05^2 + 0.6^2 + 0.1^2 + 0.01^2 + 0.5^2 + 0.99^2 = 1.6027, over 6.
        assertThat(calibration.brier()).isCloseTo(1.6027 / 6, within(1e-12));
    }

    @Test
    void aConfidenceOfOneFallsInTheLastBin() {
        Calibration calibration = CategoricalAttribute.of(List.of(LabelledOutcome.estimated("a", "a", 1.0),
                LabelledOutcome.estimated("a", "b", 0.0)), AnalysisFailurePolicy.UNDECIDED).calibration(4);
        assertThat(calibration.bins().get(3).count()).isEqualTo(1);
        assertThat(calibration.bins().get(0).count()).isEqualTo(1);
        // Both perfectly "calibrated": confidence 1 and right, confidence 0 and wrong.
        assertThat(calibration.ece()).isZero();
        assertThat(calibration.brier()).isZero();
    }

    @Test
    void accuracyCoverageCurveStepsThroughEachDistinctConfidence() {
        AccuracyCoverageCurve curve = CategoricalAttribute.of(handMade(), AnalysisFailurePolicy.UNDECIDED).accuracyCoverage();
        assertThat(curve.points()).extracting(AccuracyCoverageCurve.Point::threshold).containsExactly(0.99, 0.95, 0.9, 0.6, 0.5);
        assertThat(curve.points()).extracting(AccuracyCoverageCurve.Point::decided).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(curve.points()).extracting(AccuracyCoverageCurve.Point::correct).containsExactly(1L, 2L, 3L, 3L, 4L);
        assertThat(curve.coverage(curve.points().get(0))).isEqualTo(0.25);
        // Coverage moves by 1/8 per point: a step of 0.2 keeps the first, every other one, and the last.
        assertThat(curve.thin(0.2).points()).extracting(AccuracyCoverageCurve.Point::threshold)
                .containsExactly(0.99, 0.9, 0.5);
    }

    /** Random outcomes against brute-force counts, and the invariants every threshold must keep. */
    @Test
    void randomOutcomesAgreeWithBruteForceAndKeepTheirInvariants() {
        SplittableRandom random = new SplittableRandom(7);
        String[] labels = {"a", "b", "c"};
        for (int trial = 0; trial < 200; trial++) {
            List<LabelledOutcome> outcomes = new ArrayList<>();
            int images = random.nextInt(40);
            for (int i = 0; i < images; i++) {
                String truth = labels[random.nextInt(3)];
                int kind = random.nextInt(10);
                if (kind == 0) {
                    outcomes.add(LabelledOutcome.failedAnalysis(truth));
                } else if (kind == 1) {
                    outcomes.add(LabelledOutcome.notEstimated(truth));
                } else {
                    // Confidences on a 0.05 grid, so that ties and bin edges occur.
                    outcomes.add(LabelledOutcome.estimated(truth, labels[random.nextInt(3)], random.nextInt(21) * 0.05));
                }
            }
            AnalysisFailurePolicy policy = random.nextBoolean() ? AnalysisFailurePolicy.ERROR : AnalysisFailurePolicy.UNDECIDED;
            CategoricalAttribute attribute = CategoricalAttribute.of(outcomes, policy);
            long previousDecided = Long.MAX_VALUE;
            for (double threshold = 0; threshold <= 1.0001; threshold += 0.05) {
                double c = threshold;
                Decisions decisions = attribute.at(c);
                long failed = policy == AnalysisFailurePolicy.ERROR ? outcomes.stream().filter(LabelledOutcome::failed).count() : 0;
                long decided = outcomes.stream().filter(o -> o.estimate() != null && o.confidence() >= c).count() + failed;
                long correct = outcomes.stream().filter(o -> o.correct() && o.confidence() >= c).count();
                assertThat(decisions.coverage()).isEqualTo(new Proportion(decided, images));
                assertThat(decisions.accuracy()).isEqualTo(new Proportion(correct, decided));
                assertThat(decided).as("coverage non-increasing in the threshold").isLessThanOrEqualTo(previousDecided);
                previousDecided = decided;
                assertContains(decisions.coverage());
                assertContains(decisions.accuracy());
                ConfusionMatrix matrix = attribute.confusion(c);
                long diagonal = 0;
                long total = 0;
                for (String label : matrix.labels()) {
                    diagonal += matrix.count(label, label);
                    total += matrix.rowTotal(label);
                }
                assertThat(diagonal).isEqualTo(correct);
                assertThat(total).isEqualTo(images);
            }
            AccuracyCoverageCurve curve = attribute.accuracyCoverage();
            for (int i = 1; i < curve.points().size(); i++) {
                assertThat(curve.points().get(i).decided()).isGreaterThan(curve.points().get(i - 1).decided());
            }
            Calibration calibration = attribute.calibration(10);
            List<LabelledOutcome> estimated = outcomes.stream().filter(o -> o.estimate() != null).toList();
            assertThat(calibration.bins().stream().mapToLong(Calibration.Bin::count).sum()).isEqualTo(estimated.size());
            if (!estimated.isEmpty()) {
                assertThat(calibration.ece()).isCloseTo(bruteEce(estimated, 10), within(1e-12));
                assertThat(calibration.ece()).isLessThanOrEqualTo(calibration.mce() + 1e-15);
                assertThat(calibration.brier()).isBetween(0.0, 1.0);
            }
        }
    }

    /** ECE straight from the definition, bins found by comparing with the edges m / M. */
    private static double bruteEce(List<LabelledOutcome> estimated, int bins) {
        double ece = 0;
        for (int m = 0; m < bins; m++) {
            int bin = m;
            List<LabelledOutcome> in = estimated.stream().filter(o -> {
                double scaled = o.confidence() * bins;
                return bin == bins - 1 ? scaled >= bin : scaled >= bin && scaled < bin + 1;
            }).toList();
            if (!in.isEmpty()) {
                double accuracy = in.stream().filter(LabelledOutcome::correct).count() / (double) in.size();
                double confidence = in.stream().mapToDouble(LabelledOutcome::confidence).sum() / in.size();
                ece += in.size() / (double) estimated.size() * Math.abs(accuracy - confidence);
            }
        }
        return ece;
    }

    private static void assertContains(Proportion proportion) {
        if (proportion.isDefined()) {
            assertThat(proportion.ci95().lower()).isLessThanOrEqualTo(proportion.rate());
            assertThat(proportion.ci95().upper()).isGreaterThanOrEqualTo(proportion.rate());
        }
    }
}
