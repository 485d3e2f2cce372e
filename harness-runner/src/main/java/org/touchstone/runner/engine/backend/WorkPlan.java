package org.touchstone.runner.engine.backend;

import java.io.Serializable;
import java.util.List;

/**
 * A stage's work as a backend sees it: independent units, in output order, and what to compute for each.
 * Units are plain serializable records of indexes (never templates, images or system objects: those are
 * {@linkplain BackendSession#share shared} once, or opened where the unit runs).
 *
 * @param stage             the stage's name, for progress and errors (e.g. {@code comparisons})
 * @param units             the units, in output order
 * @param job               what each unit computes
 * @param maxUnitsPerResult the most consecutive units whose results a backend may merge before handing
 *                          them to the sink: bounds the memory of a merged result, and how much work a
 *                          checkpoint may cover
 * @param <U>               unit type
 * @param <R>               result type
 */
public record WorkPlan<U extends Serializable, R extends Mergeable<R>>(String stage, List<U> units,
                                                                      UnitJob<U, R> job, int maxUnitsPerResult) {
    /** Canonical form: the unit list is copied. */
    public WorkPlan {
        units = List.copyOf(units);
        if (maxUnitsPerResult < 1) {
            throw new IllegalArgumentException("maxUnitsPerResult must be at least 1, was " + maxUnitsPerResult);
        }
    }
}
