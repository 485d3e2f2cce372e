package org.touchstone.runner.testsystems;

import java.util.List;
import java.util.Optional;
import org.touchstone.api.Attribute;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Result;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;

/** A test system that only analyses faces: recognition protocols must refuse it. */
public final class AnalysisOnlyProvider implements FaceSystemProvider {
    /** Registered id. */
    public static final String ID = "test-analysis-only";

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Analysis only").version("1")
                .capabilities(Capability.ANALYSIS).attributes(Attribute.SEX).build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        AttributeAnalyzer analyzer = image -> Result.success(List.of());
        return new FaceSystem() {
            @Override
            public Optional<AttributeAnalyzer> analyzer() {
                return Optional.of(analyzer);
            }
        };
    }
}
