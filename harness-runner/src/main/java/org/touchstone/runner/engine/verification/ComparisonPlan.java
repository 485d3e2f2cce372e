package org.touchstone.runner.engine.verification;

/**
 * Which pairs of templates to compare, as rows: each row is one probe template and the enrolment
 * templates it is compared with. Rows are the unit of output order, so the plan fixes the order of
 * {@code comparisons.csv}. Implementations answer by index rather than materialising pairs, because an
 * all-against-all plan has a number of pairs quadratic in the templates. Plans are serializable (a few
 * arrays at most), because work units read them wherever they run.
 */
public interface ComparisonPlan extends java.io.Serializable {
    /** @return number of rows */
    int rowCount();

    /**
     * @param row a row
     * @return index of its probe template
     */
    int probe(int row);

    /**
     * @param row a row
     * @return how many enrolment templates it is compared with
     */
    int enrolmentCount(int row);

    /**
     * @param row a row
     * @param k   position within the row, {@code 0 <= k < enrolmentCount(row)}
     * @return index of the enrolment template
     */
    int enrolment(int row, int k);

    /** @return total number of pairs */
    long pairCount();
}
