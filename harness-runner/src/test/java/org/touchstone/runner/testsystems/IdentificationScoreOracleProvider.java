package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;

/**
 * A 1:N test system whose every score the test fixes: a template is its image's id, and a search scores each
 * enrolled template with the test's function of (enrolled image id, probe image id), returning the best k, ties
 * in enrolment order. Not registered for ServiceLoader: tests pass it directly.
 */
public final class IdentificationScoreOracleProvider implements FaceSystemProvider {
    private final ToDoubleBiFunction<String, String> score;

    /** @param score the score of (enrolled image id, probe image id) */
    public IdentificationScoreOracleProvider(ToDoubleBiFunction<String, String> score) {
        this.score = score;
    }

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder("test-identification-score-oracle").vendor("Touchstone tests")
                .name("1:N score oracle").version("1").capabilities(Capability.IDENTIFICATION)
                .scoreRange(new ScoreRange(0, 1)).build();
    }

    private static String text(Template t) {
        return new String(t.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Identifier identifier = new Identifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.success(Template.of(images.get(0).id().getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
                List<GalleryEntry> enrolled = new ArrayList<>();
                entries.forEach(enrolled::add);
                return Result.success(new Gallery() {
                    @Override
                    public Result<List<Candidate>> search(Template probe, int k) {
                        String probeId = text(probe);
                        List<Candidate> all = new ArrayList<>();
                        for (GalleryEntry e : enrolled) {
                            all.add(new Candidate(e.templateId(), score.applyAsDouble(text(e.template()), probeId)));
                        }
                        all.sort(Comparator.comparingDouble(Candidate::score).reversed());   // stable: ties in order
                        return Result.success(List.copyOf(all.subList(0, Math.min(k, all.size()))));
                    }

                    @Override
                    public int size() {
                        return enrolled.size();
                    }
                });
            }
        };
        return new FaceSystem() {
            @Override
            public Optional<Identifier> identifier() {
                return Optional.of(identifier);
            }
        };
    }
}
