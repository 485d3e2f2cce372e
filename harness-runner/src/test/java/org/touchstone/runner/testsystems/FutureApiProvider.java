package org.touchstone.runner.testsystems;

import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;

/** A provider built against a future SPI major version: the registry must refuse it. */
public final class FutureApiProvider implements FaceSystemProvider {
    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder("test-future-api").vendor("Touchstone tests").name("From the future")
                .version("1").capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1))
                .apiVersion("2.0.0").build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        throw new AssertionError("never opened");
    }
}
