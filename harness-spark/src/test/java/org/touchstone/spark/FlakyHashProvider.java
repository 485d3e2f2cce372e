package org.touchstone.spark;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * A deterministic test system that fails in every way the harness records, so that equality across
 * backends covers failures too: templates of a subject's third image fail for every fourth subject; a
 * comparison returns a failure for one pair in 53 and throws for one in 211 (which fails its whole batch,
 * retried pair by pair); scores come in steps of 0.001, so ties are frequent; a search fails for one probe
 * in 17. A template is 8 bytes derived from the image's bytes.
 */
public final class FlakyHashProvider implements FaceSystemProvider {
    /** Its id. */
    public static final String ID = "test-flaky-hash";

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Flaky hash").version("1")
                .capabilities(Capability.VERIFICATION, Capability.IDENTIFICATION).scoreRange(new ScoreRange(0, 1))
                .concurrency(Concurrency.THREAD_SAFE)
                .threshold(new OperatingThreshold("half", Capability.VERIFICATION, 0.5, "the middle"))
                .threshold(new OperatingThreshold("half", Capability.IDENTIFICATION, 0.5, "the middle"))
                .build();
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    private static long value(Template t) {
        return t.buffer().getLong(0);
    }

    private static long pair(Template enrolment, Template probe) {
        return mix(value(enrolment) * 31 + value(probe));
    }

    private static double score(long pair) {
        return Math.floorMod(pair >>> 11, 1001) / 1000.0;
    }

    private static Result<Template> template(List<FaceImage> images) {
        FaceImage first = images.get(0);
        String[] id = first.id().split("-");
        int subject = Integer.parseInt(id[0].replaceAll("\\D", ""));
        if (id.length > 1 && id[1].equals("03") && subject % 4 == 0) {
            return Result.failure(FailureCode.FACE_DETECTION_ERROR, "no face in " + first.id());
        }
        long h = 17;
        ByteBuffer bytes = first.encoded();
        while (bytes.hasRemaining()) {
            h = h * 131 + bytes.get();
        }
        return Result.success(Template.of(ByteBuffer.allocate(8).putLong(mix(h)).array()));
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return template(images);
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                long p = pair(enrolment, probe);
                if (Math.floorMod(p, 211) == 0) {
                    throw new IllegalStateException("compare blew up");
                }
                if (Math.floorMod(p, 53) == 0) {
                    return ComparisonResult.failure(FailureCode.VENDOR_ERROR, "vendor says no");
                }
                return ComparisonResult.score(score(p));
            }
        };
        Identifier identifier = new Identifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return template(images);
            }

            @Override
            public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
                List<GalleryEntry> enrolled = new ArrayList<>();
                entries.forEach(enrolled::add);
                return Result.success(new Gallery() {
                    @Override
                    public Result<List<Candidate>> search(Template probe, int k) {
                        if (Math.floorMod(mix(value(probe)), 17) == 0) {
                            return Result.failure(FailureCode.VENDOR_ERROR, "search says no");
                        }
                        List<Candidate> all = new ArrayList<>();
                        for (GalleryEntry e : enrolled) {
                            all.add(new Candidate(e.templateId(), score(pair(e.template(), probe))));
                        }
                        // Stable: equal scores keep enrolment order.
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
            public Optional<Verifier> verifier() {
                return Optional.of(verifier);
            }

            @Override
            public Optional<Identifier> identifier() {
                return Optional.of(identifier);
            }
        };
    }
}
