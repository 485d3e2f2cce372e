package org.touchstone.runner.systems.guard;

/**
 * The SPI calls whose latency every run records, one row each in {@code timing.csv}. Batched calls appear
 * twice: once per call ({@link #COMPARE_MANY}, {@link #SEARCH_MANY}) and once per item, the call's wall
 * time divided evenly among its items ({@link #COMPARISON}, {@link #SEARCH}), exactly as the raw files
 * attribute it.
 */
public enum TimedOperation {
    /** {@code createTemplate}: one row of {@code templates.csv} per call. */
    CREATE_TEMPLATE("create_template"),
    /** {@code compareMany}: one batched call, one probe against up to 64 enrolment templates. */
    COMPARE_MANY("compare_many"),
    /** One comparison: its batched call's latency over the call's comparisons, as in {@code comparisons.csv}. */
    COMPARISON("comparison"),
    /** {@code finalizeEnrolment}: one gallery built, as in {@code galleries.csv}. */
    FINALIZE_ENROLMENT("finalize_enrolment"),
    /** {@code searchMany}: one batched call searching a block of probes. */
    SEARCH_MANY("search_many"),
    /** One search: its batched call's latency over the call's probes, as in {@code searches.csv}. */
    SEARCH("search"),
    /** {@code analyze}: one image, as in {@code analyses.csv}. */
    ANALYZE("analyze");

    private final String externalName;

    TimedOperation(String externalName) {
        this.externalName = externalName;
    }

    /** @return the name in {@code timing.csv}, e.g. {@code create_template} */
    public String externalName() {
        return externalName;
    }
}
