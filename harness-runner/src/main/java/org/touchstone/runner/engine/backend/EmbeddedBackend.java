package org.touchstone.runner.engine.backend;

import org.touchstone.runner.engine.timing.CallTimings;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.touchstone.runner.systems.OpenedSystem;

/**
 * The default backend: a pool of {@code --threads} threads in the harness's JVM, calling the system the
 * driver opened. Every unit's result reaches the sink on its own (so stages checkpoint after every unit),
 * with at most two units per thread in flight, which bounds memory however large the plan.
 */
public final class EmbeddedBackend implements ExecutionBackend {
    /** For {@link java.util.ServiceLoader}. */
    public EmbeddedBackend() {
    }

    @Override
    public String name() {
        return Backends.EMBEDDED;
    }

    @Override
    public String description() {
        return "a thread pool in this JVM, the default";
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of();
    }

    @Override
    public BackendSession open(BackendContext context) {
        Backends.find(name(), context.options());
        return new Session(context.system(), context.threads(), context.timings());
    }

    private static final class Session implements BackendSession {
        private final OpenedSystem system;
        private final int threads;
        private final CallTimings timings;
        private final ExecutorService pool;

        Session(OpenedSystem system, int threads, CallTimings timings) {
            this.system = system;
            this.timings = timings;
            this.threads = threads;
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "touchstone-unit-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public Map<String, String> describe() {
            return Map.of("backend", "embedded-thread-pool");
        }

        @Override
        public int parallelism() {
            return threads;
        }

        @Override
        public <T extends Serializable> Shared<T> share(T value) {
            return new Local<>(value);
        }

        @Override
        public <U extends Serializable, R extends Mergeable<R>> void run(WorkPlan<U, R> plan, ResultSink<R> sink)
                throws IOException, InterruptedException {
            List<U> units = plan.units();
            try (ScopedResources scope = new ScopedResources()) {
                Worker worker = new Worker() {
                    @Override
                    public OpenedSystem system() {
                        return system;
                    }

                    @Override
                    public CallTimings timings() {
                        return timings;
                    }

                    @Override
                    public <T extends AutoCloseable> T scoped(String key, Factory<T> factory) {
                        return scope.get(key, factory);
                    }
                };
                OrderedUnits.run(pool, IntStream.range(0, units.size()).boxed().toList(), 2 * threads,
                        i -> plan.job().compute(units.get(i), worker), (i, result) -> sink.accept(i, i + 1, result));
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** The value itself: nothing leaves this JVM. */
    private record Local<T extends Serializable>(T get) implements Shared<T> {
    }
}
