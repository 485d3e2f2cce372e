package org.touchstone.runner.testsystems;

import java.util.List;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/** A test system that makes every template and fails every comparison: a run of it measures nothing. */
public final class NothingMatchesProvider implements FaceSystemProvider {
    /** The id under which it is registered for tests. */
    public static final String ID = "test-nothing-matches";

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Nothing matches").version("1")
                .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.success(Template.of(new byte[] {1}));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                return ComparisonResult.failure(FailureCode.MATCH_ERROR, "licence expired");
            }
        };
        return new FaceSystem() {
            @Override
            public Optional<Verifier> verifier() {
                return Optional.of(verifier);
            }
        };
    }
}
