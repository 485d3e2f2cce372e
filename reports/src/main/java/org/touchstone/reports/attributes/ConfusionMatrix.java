package org.touchstone.reports.attributes;

import java.util.Arrays;
import java.util.List;

/**
 * The confusion matrix of a categorical attribute at one confidence threshold: rows are true labels,
 * columns estimated labels, plus a column of images left undecided (no estimate, or confidence below the
 * threshold) and one of images whose analysis failed (counted as wrong under
 * {@link AnalysisFailurePolicy#ERROR}, as undecided under {@link AnalysisFailurePolicy#UNDECIDED}).
 *
 * @param threshold c
 * @param labels    every label that is true or estimated for some image, sorted; rows and columns follow it
 * @param counts    counts[t][e]: images with true label t decided as e
 * @param undecided undecided[t]: images with true label t without a decided estimate
 * @param failed    failed[t]: images with true label t whose analysis failed
 */
public record ConfusionMatrix(double threshold, List<String> labels, long[][] counts, long[] undecided,
                              long[] failed) {
    /**
     * @param threshold not NaN
     * @param labels    copied
     * @param counts    labels.size() square; copied
     * @param undecided labels.size(); copied
     * @param failed    labels.size(); copied
     */
    public ConfusionMatrix {
        labels = List.copyOf(labels);
        int n = labels.size();
        if (counts.length != n || undecided.length != n || failed.length != n
                || Arrays.stream(counts).anyMatch(row -> row.length != n)) {
            throw new IllegalArgumentException("one row and one column per label");
        }
        counts = Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
        undecided = undecided.clone();
        failed = failed.clone();
    }

    /**
     * Images decided as label {@code estimate} whose true label is {@code truth}.
     *
     * @param truth    a label
     * @param estimate a label
     * @return the count
     * @throws IllegalArgumentException when either is not in {@link #labels()}
     */
    public long count(String truth, String estimate) {
        return counts[index(truth)][index(estimate)];
    }

    /**
     * Images with a true label, decided or not.
     *
     * @param truth a label
     * @return the row total, undecided and failed included
     */
    public long rowTotal(String truth) {
        int t = index(truth);
        return Arrays.stream(counts[t]).sum() + undecided[t] + failed[t];
    }

    private int index(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("no label " + label + " in " + labels);
        }
        return index;
    }
}
