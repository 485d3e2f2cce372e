package org.touchstone.runner.systems.inprocess;

import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.SystemArtifact;

/**
 * Puts a deadline on every call into a system that runs in the harness's own JVM, so that a call that
 * never returns costs one failure ({@code TIMEOUT}) instead of the run. Each call runs on a helper
 * thread while the caller waits with the deadline.
 *
 * <p>The JVM cannot kill a thread: a call that times out is interrupted and abandoned, and keeps its
 * thread (and whatever it holds) until it returns, if ever. For a system declared
 * {@link org.touchstone.api.Concurrency#ONE_INSTANCE_PER_THREAD} the instance it was using is abandoned
 * with it and a fresh one is opened, since the old one may still be busy. A system that calls
 * {@code System.exit}, crashes the JVM or exhausts native memory takes the harness down with it: only
 * {@code process:} isolation protects against that (see {@code JavaWorkerMain}).
 */
public final class TimeLimitedProvider implements FaceSystemProvider, SystemArtifact.Source {
    private final FaceSystemProvider inner;
    private final CallLimits limits;

    /**
     * @param inner  the system
     * @param limits the deadlines
     */
    public TimeLimitedProvider(FaceSystemProvider inner, CallLimits limits) {
        this.inner = inner;
        this.limits = limits;
    }

    /** @return the system without deadlines */
    public FaceSystemProvider inner() {
        return inner;
    }

    @Override
    public SystemDescriptor descriptor() {
        return inner.descriptor();
    }

    @Override
    public SystemArtifact artifact() {
        return SystemArtifact.of(inner);
    }

    @Override
    public FaceSystem open(SystemContext context) throws FaceSystemException {
        return TimeLimitedSystem.open(inner, context, limits);
    }
}
