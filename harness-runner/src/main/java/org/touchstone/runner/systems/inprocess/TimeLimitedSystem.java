package org.touchstone.runner.systems.inprocess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.Candidate;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.SystemContext;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateCreator;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.CallLimits.Operation;
import org.touchstone.runner.systems.SystemFault;

/** An opened in-JVM system whose every call has a deadline; see {@link TimeLimitedProvider}. */
final class TimeLimitedSystem implements FaceSystem {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final FaceSystemProvider provider;
    private final SystemContext context;
    private final CallLimits limits;
    private final boolean onePerThread;
    private final Verifier verifier;
    private final Identifier identifier;
    private final AttributeAnalyzer analyzer;
    private final ThreadLocal<ExecutorService> helperOfCaller = new ThreadLocal<>();
    private final Set<ExecutorService> helpers = ConcurrentHashMap.newKeySet();
    private volatile Instance current;

    /**
     * An opened instance of the system. An instance that may not be shared has its own helper thread,
     * which makes every call; a thread-safe one is called by one helper thread per calling thread.
     */
    private record Instance(FaceSystem system, ExecutorService ownHelper) {
    }

    private TimeLimitedSystem(FaceSystemProvider provider, SystemContext context, CallLimits limits, Instance first) {
        this.provider = provider;
        this.context = context;
        this.limits = limits;
        this.onePerThread = provider.descriptor().concurrency() == Concurrency.ONE_INSTANCE_PER_THREAD;
        this.current = first;
        this.verifier = first.system().verifier().isPresent() ? new LimitedVerifier() : null;
        this.identifier = first.system().identifier().isPresent() ? new LimitedIdentifier() : null;
        this.analyzer = first.system().analyzer().isPresent() ? this::analyze : null;
    }

    static TimeLimitedSystem open(FaceSystemProvider provider, SystemContext context, CallLimits limits)
            throws FaceSystemException {
        return new TimeLimitedSystem(provider, context, limits, openInstance(provider, context, limits));
    }

    private static Instance openInstance(FaceSystemProvider provider, SystemContext context, CallLimits limits)
            throws FaceSystemException {
        boolean onePerThread = provider.descriptor().concurrency() == Concurrency.ONE_INSTANCE_PER_THREAD;
        ExecutorService executor = Executors.newSingleThreadExecutor(helperThreads());
        Future<FaceSystem> opening = executor.submit(() -> provider.open(context));
        try {
            FaceSystem system = opening.get(limits.of(Operation.STARTUP).toNanos(), TimeUnit.NANOSECONDS);
            if (system == null) {
                throw new FaceSystemException(FailureCode.INVALID_OUTPUT, "open() returned null");
            }
            if (!onePerThread) {
                executor.shutdown();
            }
            return new Instance(system, onePerThread ? executor : null);
        } catch (TimeoutException e) {
            opening.cancel(true);
            executor.shutdownNow();
            throw new FaceSystemException(FailureCode.TIMEOUT, "open() did not return within "
                    + seconds(limits.of(Operation.STARTUP)), e);
        } catch (ExecutionException e) {
            executor.shutdownNow();
            if (e.getCause() instanceof FaceSystemException fse) {
                throw fse;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            throw new FaceSystemException(FailureCode.SYSTEM_CRASHED, "interrupted while opening", e);
        }
    }

    private static ThreadFactory helperThreads() {
        return r -> {
            Thread t = new Thread(r, "touchstone-system-call-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }

    /** The instance calls go to, reopening one if the last was abandoned after a timeout. */
    private Instance instance() {
        Instance instance = current;
        if (instance != null) {
            return instance;
        }
        synchronized (this) {
            if (current == null) {
                try {
                    current = openInstance(provider, context, limits);
                } catch (FaceSystemException e) {
                    throw new SystemFault(FailureCode.SYSTEM_CRASHED, "could not open a fresh instance after a "
                            + "timeout: " + e.getMessage(), e);
                }
            }
            return current;
        }
    }

    /**
     * The thread that makes the calling thread's calls. Each calling thread keeps one (rather than sharing
     * a pool) so that a call never waits for a thread to be created, and the system sees a stable set of
     * threads, as it would if called directly.
     */
    private ExecutorService helper(Instance instance) {
        if (instance.ownHelper() != null) {
            return instance.ownHelper();
        }
        ExecutorService mine = helperOfCaller.get();
        if (mine == null) {
            mine = Executors.newSingleThreadExecutor(helperThreads());
            helperOfCaller.set(mine);
            helpers.add(mine);
        }
        return mine;
    }

    /** A call into the system, run on a helper thread under a deadline. */
    private <T> T call(Instance instance, Operation op, String name, Callable<T> call) {
        Future<T> future;
        ExecutorService helper = helper(instance);
        try {
            future = helper.submit(call);
        } catch (RejectedExecutionException e) {
            throw new SystemFault(FailureCode.SYSTEM_CRASHED, name + ": the instance it needs was abandoned after a "
                    + "timeout", e);
        }
        Duration limit = limits.of(op);
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            // The helper thread is stuck in the call: abandon it (the next call gets a new one), and with
            // it an instance that may not be shared, since the stuck call may still be using it.
            helper.shutdownNow();
            if (onePerThread) {
                synchronized (this) {
                    if (current == instance) {
                        current = null;
                    }
                }
            } else {
                helperOfCaller.remove();
                helpers.remove(helper);
            }
            throw new SystemFault(FailureCode.TIMEOUT, name + " did not return within " + seconds(limit)
                    + "; its thread was interrupted and abandoned (the JVM cannot stop a thread)", e);
        } catch (ExecutionException e) {
            // Rethrown as thrown, so the guards classify it exactly as they would a direct call.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(name + " threw " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SystemFault(FailureCode.SYSTEM_CRASHED, name + ": the harness was interrupted", e);
        }
    }

    private <T> T call(Operation op, String name, Callable<T> call) {
        return call(instance(), op, name, call);
    }

    @Override
    public Optional<Verifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    @Override
    public Optional<Identifier> identifier() {
        return Optional.ofNullable(identifier);
    }

    @Override
    public Optional<AttributeAnalyzer> analyzer() {
        return Optional.ofNullable(analyzer);
    }

    @Override
    public Map<String, String> runtimeProperties() {
        Instance instance = instance();
        return call(instance, Operation.STARTUP, "runtimeProperties", () -> instance.system().runtimeProperties());
    }

    @Override
    public void close() {
        Instance instance = current;
        current = null;
        if (instance != null) {
            try {
                call(instance, Operation.CLOSE, "close", () -> {
                    instance.system().close();
                    return null;
                });
            } catch (RuntimeException e) {
                System.err.println("warning: system '" + provider.descriptor().id() + "' failed to close: " + e);
            } finally {
                if (instance.ownHelper() != null) {
                    instance.ownHelper().shutdownNow();
                }
            }
        }
        helpers.forEach(ExecutorService::shutdownNow);
        helpers.clear();
    }

    private Result<List<FaceAnalysis>> analyze(FaceImage image) {
        Instance instance = instance();
        return call(instance, Operation.ANALYSIS, "analyze",
                () -> instance.system().analyzer().orElseThrow().analyze(image));
    }

    /** Template creation through whichever of the instance's capabilities makes the template. */
    private Result<Template> createTemplate(List<FaceImage> images, TemplateRole role,
                                            java.util.function.Function<FaceSystem, TemplateCreator> creator) {
        Instance instance = instance();
        return call(instance, Operation.TEMPLATE, "createTemplate",
                () -> creator.apply(instance.system()).createTemplate(images, role));
    }

    private final class LimitedVerifier implements Verifier {
        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return TimeLimitedSystem.this.createTemplate(images, role, s -> s.verifier().orElseThrow());
        }

        @Override
        public ComparisonResult compare(Template enrolment, Template probe) {
            Instance instance = instance();
            return call(instance, Operation.COMPARISON, "compare",
                    () -> instance.system().verifier().orElseThrow().compare(enrolment, probe));
        }

        @Override
        public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
            Instance instance = instance();
            return call(instance, Operation.COMPARISON, "compareMany",
                    () -> instance.system().verifier().orElseThrow().compareMany(probe, enrolments));
        }
    }

    private final class LimitedIdentifier implements Identifier {
        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return TimeLimitedSystem.this.createTemplate(images, role, s -> s.identifier().orElseThrow());
        }

        @Override
        public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
            Instance instance = instance();
            Result<Gallery> built = call(instance, Operation.ENROLMENT, "finalizeEnrolment",
                    () -> instance.system().identifier().orElseThrow().finalizeEnrolment(entries, workingDirectory));
            if (built == null || !built.isSuccess() || built.value() == null) {
                return built;
            }
            return Result.success(new LimitedGallery(instance, built.value()));
        }
    }

    /** A gallery whose calls run on the instance that built it, under deadlines. */
    private final class LimitedGallery implements Gallery {
        private final Instance instance;
        private final Gallery gallery;

        LimitedGallery(Instance instance, Gallery gallery) {
            this.instance = instance;
            this.gallery = gallery;
        }

        @Override
        public Result<List<Candidate>> search(Template probe, int maxCandidates) {
            return call(instance, Operation.SEARCH, "search", () -> gallery.search(probe, maxCandidates));
        }

        @Override
        public int size() {
            return call(instance, Operation.SEARCH, "size", gallery::size);
        }

        @Override
        public Result<String> insert(GalleryEntry entry) {
            return call(instance, Operation.SEARCH, "insert", () -> gallery.insert(entry));
        }

        @Override
        public Result<String> remove(String templateId) {
            return call(instance, Operation.SEARCH, "remove", () -> gallery.remove(templateId));
        }

        @Override
        public void close() {
            try {
                call(instance, Operation.CLOSE, "close", () -> {
                    gallery.close();
                    return null;
                });
            } catch (RuntimeException e) {
                System.err.println("warning: a gallery of system '" + provider.descriptor().id() + "' failed to close: "
                        + e);
            }
        }
    }
}
