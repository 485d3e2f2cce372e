package org.touchstone.runner.testsystems;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * A deterministic system that takes its time, so that a test can kill a run in the middle of a stage:
 * 20 ms per template, 10 ms per batched comparison call. A template is the subject id and the SHA-256 of
 * the image bytes; scores spread from hashes of both templates (mated pairs in [0.5, 1], others in
 * [0, 0.6], so error rates are neither 0 nor 1), and images numbered -03 have no face.
 */
public final class SlowHashProvider implements FaceSystemProvider {
    /** The id under which it is registered for tests. */
    public static final String ID = "test-slow-hash";

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Slow hash").version("1")
                .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1))
                .threshold(new OperatingThreshold("default", Capability.VERIFICATION, 0.55, "between the ranges"))
                .build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                pause(20);
                FaceImage image = images.get(0);
                if (image.id().endsWith("-03")) {
                    return Result.failure(FailureCode.FACE_DETECTION_ERROR, "no face in " + image.id());
                }
                byte[] encoded = new byte[image.encodedLength()];
                image.encoded().get(encoded);
                String subject = image.id().substring(0, image.id().indexOf('-'));
                byte[] id = subject.getBytes(StandardCharsets.US_ASCII);
                return Result.success(Template.of(ByteBuffer.allocate(id.length + 32).put(id).put(sha256(encoded))
                        .array()));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                return compareMany(probe, List.of(enrolment)).get(0);
            }

            @Override
            public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
                pause(10);
                List<ComparisonResult> results = new ArrayList<>(enrolments.size());
                byte[] p = probe.toByteArray();
                for (Template enrolment : enrolments) {
                    byte[] e = enrolment.toByteArray();
                    byte[] both = ByteBuffer.allocate(e.length + p.length).put(e).put(p).array();
                    double u = (ByteBuffer.wrap(sha256(both)).getLong() >>> 11) * 0x1.0p-53;
                    boolean mated = Arrays.equals(e, 0, e.length - 32, p, 0, p.length - 32);
                    results.add(ComparisonResult.score(mated ? 0.5 + 0.5 * u : 0.6 * u));
                }
                return results;
            }
        };
        return new FaceSystem() {
            @Override
            public Optional<Verifier> verifier() {
                return Optional.of(verifier);
            }
        };
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
