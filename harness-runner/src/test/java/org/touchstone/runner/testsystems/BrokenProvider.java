package org.touchstone.runner.testsystems;

import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;

/** A provider whose descriptor cannot be built: the registry must skip it and say why. */
public final class BrokenProvider implements FaceSystemProvider {
    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder("test-broken").build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        throw new AssertionError("never opened");
    }
}
