package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FailureCode;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * A test system whose answers are known in advance: it reads the subject from the sample id (synthetic
 * ids look like {@code S00001-01}), so every genuine pair scores 1 and every impostor pair 0, and it
 * refuses to make a template from any image whose id ends in {@code -03}. The runner's raw outputs can
 * then be checked against exact expected counts.
 */
public final class SubjectOracleProvider implements FaceSystemProvider {
    /** The id under which it is registered for tests. */
    public static final String ID = "test-subject-oracle";

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Subject oracle").version("1")
                .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1))
                .threshold(new OperatingThreshold("half", Capability.VERIFICATION, 0.5, "between the two scores"))
                .build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                for (FaceImage image : images) {
                    if (image.id().endsWith("-03")) {
                        return Result.failure(FailureCode.FACE_DETECTION_ERROR, "no face in " + image.id());
                    }
                }
                String subject = images.get(0).id().split("-")[0];
                return Result.success(Template.of(subject.getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                return ComparisonResult.score(enrolment.equals(probe) ? 1.0 : 0.0);
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
