package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.ImageDecodeException;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * A system that breaks the contract in ways {@code touchstone validate} must catch, each deliberately:
 * its templates end with a call counter (not deterministic, so concurrent calls differ from serial ones
 * too); it scores any non-mated pair involving subject S00002 at -0.5, below its declared range
 * [0, 1]; it throws on an empty image; it returns candidate lists in ascending order. Otherwise it is
 * well behaved: it refuses what it cannot decode, and mated pairs score 0.9, other pairs 0.2.
 */
public final class NonconformingProvider implements FaceSystemProvider {
    /** The id under which it is registered for tests. */
    public static final String ID = "test-nonconforming";

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Nonconforming").version("1")
                .description("breaks the contract on purpose")
                .capabilities(Capability.VERIFICATION, Capability.IDENTIFICATION).scoreRange(new ScoreRange(0, 1))
                .threshold(new OperatingThreshold("default", Capability.VERIFICATION, 0.5, ""))
                .build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        AtomicInteger calls = new AtomicInteger();
        class Both implements Verifier, Identifier {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                for (FaceImage image : images) {
                    if (image.encodedLength() == 0) {
                        throw new IllegalStateException("cannot handle an empty image");
                    }
                    try {
                        image.raster();
                    } catch (ImageDecodeException e) {
                        return Result.failure(e.toFailure());
                    }
                }
                String subject = images.get(0).id().split("-")[0];
                byte[] id = subject.getBytes(StandardCharsets.US_ASCII);
                byte[] template = Arrays.copyOf(id, id.length + 1);
                template[id.length] = (byte) calls.incrementAndGet();
                return Result.success(Template.of(template));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                if (enrolment.size() < 2 || probe.size() < 2) {
                    return ComparisonResult.failure(FailureCode.TEMPLATE_FORMAT_ERROR, "too short");
                }
                return ComparisonResult.score(score(subject(enrolment), subject(probe)));
            }

            @Override
            public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
                List<GalleryEntry> enrolled = new ArrayList<>();
                entries.forEach(enrolled::add);
                return Result.success(new Gallery() {
                    @Override
                    public Result<List<Candidate>> search(Template probe, int maxCandidates) {
                        if (probe.size() < 2) {
                            return Result.failure(FailureCode.TEMPLATE_FORMAT_ERROR, "too short");
                        }
                        return Result.success(enrolled.stream()
                                .map(e -> new Candidate(e.templateId(), score(subject(e.template()), subject(probe))))
                                .sorted(Comparator.comparingDouble(Candidate::score).thenComparing(Candidate::templateId))
                                .limit(maxCandidates).toList());
                    }

                    @Override
                    public int size() {
                        return enrolled.size();
                    }
                });
            }
        }
        Both both = new Both();
        return new FaceSystem() {
            @Override
            public Optional<Verifier> verifier() {
                return Optional.of(both);
            }

            @Override
            public Optional<Identifier> identifier() {
                return Optional.of(both);
            }
        };
    }

    private static String subject(Template t) {
        byte[] b = t.toByteArray();
        return new String(b, 0, b.length - 1, StandardCharsets.US_ASCII);
    }

    private static double score(String a, String b) {
        if (a.equals(b)) {
            return 0.9;
        }
        return a.equals("S00002") || b.equals("S00002") ? -0.5 : 0.2;
    }
}
