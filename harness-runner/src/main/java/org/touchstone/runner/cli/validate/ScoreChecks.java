package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ScoreRange;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;
import org.touchstone.runner.systems.guard.ComparisonBatch;

/**
 * The checks of one pass of comparisons: {@code verification.scores.range} (every score finite and in the
 * declared range), {@code verification.comparisons} (no faults), and the advisory
 * {@code verification.scores.discrimination} (mated pairs score higher on average) and
 * {@code verification.scores.varied} (at least half the non-mated scores distinct, as FRVT asks).
 */
final class ScoreChecks {
    private ScoreChecks() {
    }

    static void check(ValidationSubject s, Comparisons comparisons, List<ComparisonBatch> batches, ScoreRange range) {
        int outOfRange = 0;
        int faults = 0;
        int failures = 0;
        String rangeExample = "";
        String faultExample = "";
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        List<Integer> good = comparisons.good();
        for (int p = 0; p < batches.size(); p++) {
            ComparisonBatch b = batches.get(p);
            String probeSubject = s.subjectOf(s.images().get(good.get(p + 1)));
            for (int k = 0; k < b.capacity(); k++) {
                Failure f = b.failure(k);
                if (f == null) {
                    (probeSubject.equals(s.subjectOf(s.images().get(good.get(k)))) ? genuine : impostor).add(b.score(k));
                } else if (f.code() == FailureCode.INVALID_OUTPUT && f.message().startsWith("score ")) {
                    outOfRange++;
                    rangeExample = f.message();
                } else if (f.code().isHarnessAssigned()) {
                    faults++;
                    faultExample = f.toString();
                } else {
                    failures++;
                }
            }
        }
        int total = Comparisons.pairs(batches);
        CheckLog log = s.log();
        log.add("verification.scores.range", "every score is finite and inside the declared range [" + range.min() + ", "
                        + range.max() + "]", true, outOfRange == 0 ? Verdict.PASS : Verdict.FAIL,
                outOfRange == 0 ? total + " comparisons" : outOfRange + " of " + total + " scores broke the range, e.g. "
                        + rangeExample, Map.of("comparisons", total, "out_of_range", outOfRange));
        log.add("verification.comparisons", "comparing valid templates never throws, hangs, crashes or breaks the"
                        + " contract", true, faults == 0 ? Verdict.PASS : Verdict.FAIL, faults == 0 ? failures
                        + " system failure(s) in " + total + " comparisons" : faults + " of " + total
                        + " comparisons faulted, e.g. " + faultExample,
                Map.of("comparisons", total, "faults", faults, "failures", failures));
        double meanGenuine = genuine.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double meanImpostor = impostor.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        boolean separates = meanGenuine > meanImpostor;
        log.add("verification.scores.discrimination", "mated pairs score higher than non-mated pairs on average", false,
                separates ? Verdict.PASS : Verdict.WARN, String.format(Locale.ROOT,
                        "mean mated %.4g (%d), mean non-mated %.4g (%d)%s", meanGenuine, genuine.size(), meanImpostor,
                        impostor.size(), separates ? "" : ": are the scores similarities (higher = more similar)?"),
                Map.of("mated", genuine.size(), "non_mated", impostor.size()));
        long distinct = impostor.stream().distinct().count();
        boolean varied = impostor.isEmpty() || distinct * 2 >= impostor.size();
        log.add("verification.scores.varied", "at least half the non-mated scores are distinct (as FRVT asks)", false,
                varied ? Verdict.PASS : Verdict.WARN, distinct + " distinct of " + impostor.size() + " non-mated scores",
                Map.of("distinct", distinct, "non_mated", impostor.size()));
    }
}
