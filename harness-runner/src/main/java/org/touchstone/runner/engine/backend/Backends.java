package org.touchstone.runner.engine.backend;

import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The execution backends on the class path, found with {@link ServiceLoader}. */
public final class Backends {
    /** Name of the built-in backend: a thread pool in the harness's JVM, the default. */
    public static final String EMBEDDED = "embedded";

    private Backends() {
    }

    /**
     * @return every backend found, by name
     * @throws ServiceConfigurationError if a listed backend cannot be instantiated
     */
    public static List<ExecutionBackend> available() {
        TreeMap<String, ExecutionBackend> byName = new TreeMap<>();
        for (ExecutionBackend backend : ServiceLoader.load(ExecutionBackend.class, classLoader())) {
            byName.putIfAbsent(backend.name(), backend);
        }
        return List.copyOf(byName.values());
    }

    /**
     * The loader that sees the application's jars: spark-submit, for one, loads them in a loader of its own
     * and makes it the context class loader, below the one that loaded this class.
     *
     * @return the calling thread's context class loader, else this class's
     */
    static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Backends.class.getClassLoader();
    }

    /**
     * Finds a backend and checks its options, before anything of a run is made.
     *
     * @param name    a backend's name
     * @param options the options given for it
     * @return the backend
     * @throws IllegalArgumentException naming the backends available, or the options it does not take
     */
    public static ExecutionBackend find(String name, java.util.Map<String, String> options) {
        ExecutionBackend backend = find(name);
        java.util.Set<String> unknown = new java.util.TreeSet<>(options.keySet());
        unknown.removeAll(backend.options());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("backend '" + name + "' takes no option " + String.join(", ", unknown)
                    + (unknown.contains("master") ? " (--master is for --backend spark)" : ""));
        }
        return backend;
    }

    /**
     * @param name a backend's name
     * @return the backend
     * @throws IllegalArgumentException naming the backends available, and how to add Spark's
     */
    public static ExecutionBackend find(String name) {
        List<ExecutionBackend> all = available();
        for (ExecutionBackend backend : all) {
            if (backend.name().equals(name)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("no execution backend '" + name + "'; available: "
                + all.stream().map(b -> b.name() + " (" + b.description() + ")").collect(Collectors.joining(", "))
                + (name.equals("spark") ? ". The Spark backend is the optional harness-spark module: see the README,"
                + " 'Running on Apache Spark'" : ""));
    }
}
