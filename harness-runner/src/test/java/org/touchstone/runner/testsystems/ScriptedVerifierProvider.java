package org.touchstone.runner.testsystems;

import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Verifier;

/** A provider around a verifier written by the test, to script misbehaviour. Not registered. */
public final class ScriptedVerifierProvider implements FaceSystemProvider {
    private final Verifier verifier;
    private final Concurrency concurrency;

    /**
     * @param verifier    what the opened system offers
     * @param concurrency how it declares it may be called
     */
    public ScriptedVerifierProvider(Verifier verifier, Concurrency concurrency) {
        this.verifier = verifier;
        this.concurrency = concurrency;
    }

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder("test-scripted").vendor("Touchstone tests").name("Scripted").version("1")
                .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).concurrency(concurrency)
                .build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        return new FaceSystem() {
            @Override
            public Optional<Verifier> verifier() {
                return Optional.of(verifier);
            }
        };
    }
}
