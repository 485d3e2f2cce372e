package org.touchstone.benchmarks;

import java.util.List;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.Verifier;

/**
 * A benchmark's own verifier, in-process and thread-safe, that is its own provider and system, so that a
 * benchmark can hand the runner and a bare loop the very same object.
 */
abstract class InProcessVerifier implements FaceSystemProvider, FaceSystem, Verifier {
    private final SystemDescriptor descriptor;

    /**
     * @param id    the system id
     * @param name  what it is
     * @param range its score range
     */
    InProcessVerifier(String id, String name, ScoreRange range) {
        descriptor = SystemDescriptor.builder(id).vendor("Touchstone benchmarks").name(name).version("1")
                .capabilities(Capability.VERIFICATION).scoreRange(range)
                .concurrency(Concurrency.THREAD_SAFE).build();
    }

    @Override
    public SystemDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public FaceSystem open(SystemContext context) {
        return this;
    }

    @Override
    public Optional<Verifier> verifier() {
        return Optional.of(this);
    }

    @Override
    public ComparisonResult compare(Template enrolment, Template probe) {
        return compareMany(probe, List.of(enrolment)).get(0);
    }

    @Override
    public void close() {
    }
}
