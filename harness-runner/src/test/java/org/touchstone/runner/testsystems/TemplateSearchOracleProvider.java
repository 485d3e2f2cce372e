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
 * A 1:N test system whose scores the test fixes in advance: a template is the ids of its images joined with
 * {@code ;} (in the order given), a search scores every enrolled template with the test's function of (enrolled
 * ids, probe ids) and returns the best, ties in enrolment order. The test can then compute every expected rank
 * and rate from the protocol's own lists by independent arithmetic.
 */
public final class TemplateSearchOracleProvider implements FaceSystemProvider {
    private final ToDoubleBiFunction<String, String> score;

    /** @param score the score of (enrolled image ids, probe image ids), each {@code ;}-joined */
    public TemplateSearchOracleProvider(ToDoubleBiFunction<String, String> score) {
        this.score = score;
    }

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder("test-template-search-oracle").vendor("Touchstone tests")
                .name("Template search oracle").version("1").capabilities(Capability.IDENTIFICATION)
                .scoreRange(new ScoreRange(0, 1)).build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Identifier identifier = new Identifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.success(Template.of(String.join(";", images.stream().map(FaceImage::id).toList())
                        .getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
                List<GalleryEntry> enrolled = new ArrayList<>();
                entries.forEach(enrolled::add);
                return Result.success(new Gallery() {
                    @Override
                    public Result<List<Candidate>> search(Template probe, int k) {
                        List<Candidate> all = new ArrayList<>();
                        for (GalleryEntry e : enrolled) {
                            all.add(new Candidate(e.templateId(), score.applyAsDouble(text(e.template()), text(probe))));
                        }
                        // A stable sort: ties stay in enrolment order.
                        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
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

    private static String text(Template template) {
        return new String(template.toByteArray(), StandardCharsets.UTF_8);
    }
}
