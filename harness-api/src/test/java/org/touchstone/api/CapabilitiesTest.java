package org.touchstone.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A vendor implements one capability without stubbing the others. */
class CapabilitiesTest {
    @Test
    void anAnalysisOnlySystemImplementsOnlyItsAnalyzer() {
        AttributeAnalyzer analyzer = image -> Result.success(List.of());
        FaceSystem system = new FaceSystem() {
            @Override
            public Optional<AttributeAnalyzer> analyzer() {
                return Optional.of(analyzer);
            }
        };
        assertThat(system.analyzer()).contains(analyzer);
        assertThat(system.verifier()).isEmpty();
        assertThat(system.identifier()).isEmpty();
    }

    @Test
    void compareManyDefaultsToOneCompareCallPerEnrolmentInOrder() {
        List<String> calls = new ArrayList<>();
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.failure(FailureCode.NOT_IMPLEMENTED, "");
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                calls.add(enrolment.size() + "/" + probe.size());
                return ComparisonResult.score(enrolment.size());
            }
        };
        Template probe = Template.of(new byte[9]);
        List<ComparisonResult> results = verifier.compareMany(probe,
                List.of(Template.of(new byte[1]), Template.of(new byte[2])));
        assertThat(calls).containsExactly("1/9", "2/9");
        assertThat(results).extracting(ComparisonResult::similarity).containsExactly(1.0, 2.0);
    }

    @Test
    void galleryUpdatesAreOptional() {
        Identifier identifier = new Identifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.success(Template.of(new byte[1]));
            }

            @Override
            public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
                List<GalleryEntry> kept = new ArrayList<>();
                entries.forEach(kept::add);
                return Result.success(new Gallery() {
                    @Override
                    public Result<List<Candidate>> search(Template probe, int maxCandidates) {
                        return Result.success(List.of(new Candidate(kept.get(0).templateId(), 1.0)));
                    }

                    @Override
                    public int size() {
                        return kept.size();
                    }
                });
            }
        };
        Gallery gallery = identifier.finalizeEnrolment(
                List.of(new GalleryEntry("a", Template.of(new byte[1]))), Path.of(".")).value();
        assertThat(gallery.size()).isEqualTo(1);
        assertThat(gallery.search(Template.of(new byte[1]), 5).value()).extracting(Candidate::templateId)
                .containsExactly("a");
        assertThat(gallery.insert(new GalleryEntry("b", Template.of(new byte[1]))).failure().orElseThrow().code())
                .isEqualTo(FailureCode.NOT_IMPLEMENTED);
        assertThat(gallery.remove("a").failure().orElseThrow().code()).isEqualTo(FailureCode.NOT_IMPLEMENTED);
    }
}
