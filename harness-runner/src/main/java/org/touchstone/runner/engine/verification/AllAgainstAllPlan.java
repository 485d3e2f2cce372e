package org.touchstone.runner.engine.verification;

/**
 * Every unordered pair of templates once: row {@code j} compares the probe template of {@code j} with
 * the enrolment templates of {@code 0 .. j-1}. Row 0 is empty. Needs no memory beyond its size.
 */
final class AllAgainstAllPlan implements ComparisonPlan {
    private final int templates;

    AllAgainstAllPlan(int templates) {
        this.templates = templates;
    }

    @Override
    public int rowCount() {
        return templates;
    }

    @Override
    public int probe(int row) {
        return row;
    }

    @Override
    public int enrolmentCount(int row) {
        return row;
    }

    @Override
    public int enrolment(int row, int k) {
        return k;
    }

    @Override
    public long pairCount() {
        return (long) templates * (templates - 1) / 2;
    }
}
