package org.touchstone.runner.engine.backend;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs independent work units in parallel and hands their results to a consumer in unit order, with at
 * most a fixed number in flight. This is what keeps a stage's memory bounded however large its plan,
 * and its output independent of thread timing.
 */
public final class OrderedUnits {
    private OrderedUnits() {
    }

    /** Computes one unit's result (on a worker thread). */
    @FunctionalInterface
    public interface Compute<U, R> {
        /**
         * @param unit the unit
         * @return its result
         */
        R apply(U unit);
    }

    /** Consumes one unit's result (on the calling thread, in unit order). */
    @FunctionalInterface
    public interface Consume<U, R> {
        /**
         * @param unit   the unit
         * @param result its result
         * @throws IOException when writing fails
         */
        void accept(U unit, R result) throws IOException;
    }

    /**
     * @param pool     worker threads
     * @param units    the units, in output order
     * @param inFlight most units computed or waiting to be consumed at once
     * @param compute  what each unit computes
     * @param consume  what is done with each result, in order
     * @param <U>      unit type
     * @param <R>      result type
     * @throws IOException          from the consumer
     * @throws InterruptedException if interrupted while waiting
     */
    public static <U, R> void run(ExecutorService pool, List<U> units, int inFlight, Compute<U, R> compute,
                                  Consume<U, R> consume) throws IOException, InterruptedException {
        Deque<Future<R>> running = new ArrayDeque<>();
        int next = 0;
        try {
            for (U unit : units) {
                while (next < units.size() && running.size() < inFlight) {
                    U u = units.get(next++);
                    running.add(pool.submit(() -> compute.apply(u)));
                }
                consume.accept(unit, await(running.removeFirst()));
            }
        } finally {
            running.forEach(f -> f.cancel(true));
        }
    }

    private static <R> R await(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
