package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * A test system whose every template is {@value #TEMPLATE_BYTES} bytes (over the default 1 MiB limit): the
 * first image id's subject part, zero padded; two templates score 1 when equal, else 0.
 */
public final class LargeTemplateProvider implements FaceSystemProvider {
    /** The id under which it is registered for tests. */
    public static final String ID = "test-large-template";
    /** The size of every template. */
    public static final int TEMPLATE_BYTES = 1_500_000;

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Large templates").version("1")
                .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                String id = images.get(0).id();
                String subject = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
                return Result.success(Template.of(Arrays.copyOf(subject.getBytes(StandardCharsets.UTF_8),
                        TEMPLATE_BYTES)));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                return ComparisonResult.score(enrolment.equals(probe) ? 1 : 0);
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
