package org.touchstone.runner.engine.timing;

import org.touchstone.runner.systems.guard.TimedOperation;

/**
 * A stage of a run whose throughput {@code timing.csv} states: the items its SPI calls handled (counted
 * from the calls recorded, so a resumed run counts only what it did itself) over the stage's wall time.
 */
public enum TimedStage {
    /** Template creation, in templates. */
    TEMPLATES("templates", TimedOperation.CREATE_TEMPLATE, "templates"),
    /** 1:1 comparisons, in comparisons. */
    COMPARISONS("comparisons", TimedOperation.COMPARISON, "comparisons"),
    /** Gallery building ({@code finalizeEnrolment}), in galleries. */
    GALLERIES("galleries", TimedOperation.FINALIZE_ENROLMENT, "galleries"),
    /** 1:N searches, in searches. */
    SEARCHES("searches", TimedOperation.SEARCH, "searches"),
    /** Attribute analysis, in images. */
    ANALYSES("analyses", TimedOperation.ANALYZE, "images");

    private final String externalName;
    private final TimedOperation items;
    private final String unit;

    TimedStage(String externalName, TimedOperation items, String unit) {
        this.externalName = externalName;
        this.items = items;
        this.unit = unit;
    }

    /** @return the name in {@code timing.csv}, e.g. {@code comparisons} */
    public String externalName() {
        return externalName;
    }

    /** @return the operation whose recorded calls are the stage's items */
    public TimedOperation items() {
        return items;
    }

    /** @return what an item is, e.g. {@code images} */
    public String unit() {
        return unit;
    }
}
