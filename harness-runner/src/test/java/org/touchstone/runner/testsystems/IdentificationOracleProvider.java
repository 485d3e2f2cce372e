package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
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

/**
 * A 1:N test system whose answers are known in advance. A template is the image's sample id (synthetic
 * ids look like {@code S00001-02}). A search scores each enrolled template 1.0 when it shows the probe's
 * subject and 0.5 otherwise, and returns the best candidates, ties in enrolment order. Probes whose image
 * number is {@code -03} get an answer that breaks the contract, in a way chosen by the subject's last
 * digit: 1 unsorted, 2 too long, 3 an unknown id, 4 a repeated id, 5 a NaN score, 6 a failure code, 7 a
 * thrown exception. Not registered for ServiceLoader: tests pass it directly.
 */
public final class IdentificationOracleProvider implements FaceSystemProvider {
    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder("test-identification-oracle").vendor("Touchstone tests").name("1:N oracle")
                .version("1").capabilities(Capability.IDENTIFICATION).scoreRange(new ScoreRange(0, 1))
                .threshold(new OperatingThreshold("strict", Capability.IDENTIFICATION, 0.9, ""))
                .build();
    }

    private static String subject(Template t) {
        return new String(t.toByteArray(), StandardCharsets.UTF_8).split("-")[0];
    }

    private static String image(Template t) {
        return new String(t.toByteArray(), StandardCharsets.UTF_8).split("-")[1];
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
                        List<Candidate> all = new ArrayList<>();
                        String subject = subject(probe);
                        for (GalleryEntry e : enrolled) {
                            if (subject(e.template()).equals(subject)) {
                                all.add(new Candidate(e.templateId(), 1.0));
                            }
                        }
                        for (GalleryEntry e : enrolled) {
                            if (!subject(e.template()).equals(subject)) {
                                all.add(new Candidate(e.templateId(), 0.5));
                            }
                        }
                        List<Candidate> top = new ArrayList<>(all.subList(0, Math.min(k, all.size())));
                        if (!image(probe).equals("03")) {
                            return Result.success(top);
                        }
                        char mode = subject.charAt(subject.length() - 1);
                        switch (mode) {
                            case '1' -> java.util.Collections.reverse(top);
                            case '2' -> top.add(new Candidate(all.get(all.size() - 1).templateId(), 0.0));
                            case '3' -> top.set(0, new Candidate("nobody", 1.0));
                            case '4' -> top.set(1, top.get(0));
                            case '5' -> top.set(0, new Candidate(top.get(0).templateId(), Double.NaN));
                            case '6' -> {
                                return Result.failure(FailureCode.VENDOR_ERROR, "vendor says no");
                            }
                            case '7' -> throw new IllegalStateException("search blew up");
                            default -> {
                                return Result.success(top);
                            }
                        }
                        return Result.success(top);
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
