package org.touchstone.runner.engine.backend;

import java.io.Serializable;

/**
 * A result of work units that merges with the result of the units that follow. Merging must be
 * associative, so that a backend may merge within partitions and then across them and still get what
 * merging unit by unit gives; and exact (counts, not sums of doubles), so that every backend's merged
 * result is the same.
 *
 * @param <R> the result type itself
 */
public interface Mergeable<R extends Mergeable<R>> extends Serializable {
    /**
     * @param later the result of the units that follow this one's, in plan order
     * @return the result of both runs of units; this and {@code later} may be reused or changed
     */
    R mergedWith(R later);
}
