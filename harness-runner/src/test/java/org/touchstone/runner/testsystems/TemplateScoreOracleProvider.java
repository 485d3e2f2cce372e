package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * A test system whose scores the test fixes in advance: a template is the ids of its images joined with
 * {@code ;} (in the order given), and a comparison scores whatever the test's function says of the two id lists.
 * The test can then compute every expected rate from the protocol's own lists by independent arithmetic.
 */
public final class TemplateScoreOracleProvider implements FaceSystemProvider {
    private final ToDoubleBiFunction<String, String> score;

    /** @param score the score of (enrolment image ids, probe image ids), each {@code ;}-joined */
    public TemplateScoreOracleProvider(ToDoubleBiFunction<String, String> score) {
        this.score = score;
    }

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder("test-template-score-oracle").vendor("Touchstone tests")
                .name("Template score oracle").version("1").capabilities(Capability.VERIFICATION)
                .scoreRange(new ScoreRange(0, 1)).build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.success(Template.of(String.join(";", images.stream().map(FaceImage::id).toList())
                        .getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                return ComparisonResult.score(score.applyAsDouble(text(enrolment), text(probe)));
            }
        };
        return new FaceSystem() {
            @Override
            public Optional<Verifier> verifier() {
                return Optional.of(verifier);
            }
        };
    }

    private static String text(Template template) {
        return new String(template.toByteArray(), StandardCharsets.UTF_8);
    }
}
