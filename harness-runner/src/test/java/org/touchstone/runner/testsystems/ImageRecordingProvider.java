package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * A test system that remembers the id of every image it is given (in {@link #SEEN}) and scores two templates
 * 1 when their first images' ids share the subject prefix (the synthetic ids' {@code S00001-} part), else 0.
 */
public final class ImageRecordingProvider implements FaceSystemProvider {
    /** The id under which it is registered for tests. */
    public static final String ID = "test-image-recording";
    /** Every image id any instance was given, in any JVM thread. Tests clear it first. */
    public static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Image recording").version("1")
                .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                images.forEach(image -> SEEN.add(image.id()));
                String id = images.get(0).id();
                String subject = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
                return Result.success(Template.of(subject.getBytes(StandardCharsets.UTF_8)));
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
