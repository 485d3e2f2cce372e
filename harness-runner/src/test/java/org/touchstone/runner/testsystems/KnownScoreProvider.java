package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * A test system whose every score is known in advance from the two sample ids: {@link #score} gives
 * genuine pairs (the subjects the test passes in) a score in [0.45, 0.95) and impostor pairs one in
 * [0.1, 0.7), spread by a hash of the ids, so the classes overlap and accuracy is below 100% in a way a test
 * can recompute. Its template is the first image's sample id. Declares one threshold, "half" at 0.5.
 */
public final class KnownScoreProvider implements FaceSystemProvider {
    private final Map<String, String> subjectOfSample;

    /** @param subjectOfSample every sample id of the dataset, with its subject */
    public KnownScoreProvider(Map<String, String> subjectOfSample) {
        this.subjectOfSample = Map.copyOf(subjectOfSample);
    }

    /**
     * @param enrolment the enrolment sample id
     * @param probe     the probe sample id
     * @param mated     whether they show one subject
     * @return the score this system gives them
     */
    public static double score(String enrolment, String probe, boolean mated) {
        String key = enrolment + "|" + probe;
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        double u = (double) Math.floorMod(h, 1000L) / 1000.0;
        return mated ? 0.45 + 0.5 * u : 0.1 + 0.6 * u;
    }

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder("test-known-scores").vendor("Touchstone tests").name("Known scores")
                .version("1").capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1))
                .threshold(new OperatingThreshold("half", Capability.VERIFICATION, 0.5, "the middle of the range"))
                .build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                return Result.success(Template.of(images.get(0).id().getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                String e = new String(enrolment.toByteArray(), StandardCharsets.UTF_8);
                String p = new String(probe.toByteArray(), StandardCharsets.UTF_8);
                return ComparisonResult.score(score(e, p, subjectOfSample.get(e).equals(subjectOfSample.get(p))));
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
