package org.touchstone.runner.engine.backend;

import java.io.Serializable;

/**
 * What a work unit computes. Serializable, because a distributed backend ships it to other JVMs: it holds
 * only plain data and {@link Shared} handles, and reaches the system under test through the
 * {@link Worker} it is given.
 *
 * @param <U> unit type
 * @param <R> result type
 */
@FunctionalInterface
public interface UnitJob<U, R> extends Serializable {
    /**
     * @param unit   the unit
     * @param worker the system and resources where the unit runs
     * @return its result
     */
    R compute(U unit, Worker worker);
}
