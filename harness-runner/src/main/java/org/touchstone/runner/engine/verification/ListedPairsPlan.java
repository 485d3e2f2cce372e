package org.touchstone.runner.engine.verification;

/**
 * An explicit list of pairs, grouped into rows by probe template (probes in order of first appearance,
 * enrolments in list order within a row).
 */
final class ListedPairsPlan implements ComparisonPlan {
    private final int[] probes;
    private final int[][] enrolments;
    private final long pairs;

    ListedPairsPlan(int[] probes, int[][] enrolments) {
        this.probes = probes;
        this.enrolments = enrolments;
        long total = 0;
        for (int[] row : enrolments) {
            total += row.length;
        }
        this.pairs = total;
    }

    @Override
    public int rowCount() {
        return probes.length;
    }

    @Override
    public int probe(int row) {
        return probes[row];
    }

    @Override
    public int enrolmentCount(int row) {
        return enrolments[row].length;
    }

    @Override
    public int enrolment(int row, int k) {
        return enrolments[row][k];
    }

    @Override
    public long pairCount() {
        return pairs;
    }
}
