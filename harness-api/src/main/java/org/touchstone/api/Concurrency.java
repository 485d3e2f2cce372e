package org.touchstone.api;

/** How the harness may call a system from several threads. */
public enum Concurrency {
    /** One opened system may be called from many threads at once. */
    THREAD_SAFE,
    /**
     * Each opened system must be called from one thread at a time; the harness opens one instance per
     * worker thread to run in parallel (as FRVT forks processes).
     */
    ONE_INSTANCE_PER_THREAD
}
