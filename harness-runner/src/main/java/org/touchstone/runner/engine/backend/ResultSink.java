package org.touchstone.runner.engine.backend;

import java.io.IOException;

/**
 * Takes a plan's merged results, in plan order, on the run's driver thread.
 *
 * @param <R> result type
 */
@FunctionalInterface
public interface ResultSink<R> {
    /**
     * @param firstUnit index of the first unit the result covers
     * @param endUnit   index after the last unit it covers
     * @param result    the merged result of units {@code firstUnit .. endUnit - 1}
     * @throws IOException when writing fails
     */
    void accept(int firstUnit, int endUnit, R result) throws IOException;
}
