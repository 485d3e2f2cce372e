package org.touchstone.runner.engine.backend;

import java.io.Serializable;

/**
 * A read-only value made available to work units by {@link BackendSession#share}: units carry the handle,
 * not the value, so a large value (every template of a run) travels to each JVM once.
 *
 * @param <T> the value's type
 */
public interface Shared<T> extends Serializable {
    /** @return the value, in whichever JVM the unit runs */
    T get();
}
