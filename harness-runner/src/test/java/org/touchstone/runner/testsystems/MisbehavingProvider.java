package org.touchstone.runner.testsystems;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * The Java twin of {@code clients/python/examples/misbehaving_system.py}: it misbehaves on purpose,
 * keyed on the subject number of the image id (synthetic ids look like {@code S00003-01}). Where the
 * Python worker exits or kills itself, which no JVM can survive in-process, this one throws an
 * {@link Error} or overflows its stack; where the Python worker writes garbage to the protocol stream,
 * this one smuggles a String into a Result past erased generics.
 *
 * <p>Template creation, by subject: 1 throws; 2 returns null; 3 hangs; 4 throws an Error; 5 overflows
 * its stack; 6 exhausts its memory; 7 returns a Result holding a String; 8 reports the harness-only code
 * TIMEOUT; 9 finds no face; 17 prints to stdout and then works. Comparisons, by probe subject: 10 NaN;
 * 11 2.0 (out of range); 12 one result too many; 13 hangs; 14 throws an Error; 15 throws; 16 MATCH_ERROR.
 * Otherwise a template is the subject number, and two templates score 0.9 for the same subject, else 0.1.
 */
public final class MisbehavingProvider implements FaceSystemProvider {
    /** The id under which it is registered for tests. */
    public static final String ID = "test-misbehaving";

    @Override
    public SystemDescriptor descriptor() {
        return SystemDescriptor.builder(ID).vendor("Touchstone tests").name("Misbehaving (Java)").version("1")
                .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1)).build();
    }

    @Override
    public FaceSystem open(SystemContext context) {
        Verifier verifier = new Verifier() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                int subject = subject(images.get(0).id());
                switch (subject) {
                    case 1 -> throw new IllegalStateException("simulated bug in template creation");
                    case 2 -> {
                        return null;
                    }
                    case 3 -> hang();
                    case 4 -> throw new Error("simulated: a vendor library threw an Error");
                    case 5 -> recurse(0);
                    case 6 -> {
                        // Above the VM's array limit: refused at once, never after a full collection of a busy
                        // heap, which on a loaded machine can outlast the call's deadline.
                        long[] huge = new long[Integer.MAX_VALUE];
                        huge[0] = 1;
                    }
                    case 7 -> {
                        return (Result) Result.success("not a template");
                    }
                    case 8 -> {
                        return Result.failure(FailureCode.TIMEOUT, "a system may not report TIMEOUT itself");
                    }
                    case 9 -> {
                        return Result.failure(FailureCode.FACE_DETECTION_ERROR, "no face in " + images.get(0).id());
                    }
                    case 17 -> System.out.println("debug: subject 17 prints to stdout, which must not matter");
                    default -> {
                    }
                }
                return Result.success(Template.of(Integer.toString(subject).getBytes(StandardCharsets.US_ASCII)));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                return compareMany(probe, List.of(enrolment)).get(0);
            }

            @Override
            public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
                int subject = Integer.parseInt(new String(probe.toByteArray(), StandardCharsets.US_ASCII));
                List<ComparisonResult> results = new ArrayList<>();
                for (Template enrolment : enrolments) {
                    results.add(switch (subject) {
                        case 10 -> ComparisonResult.score(Double.NaN);
                        case 11 -> ComparisonResult.score(2.0);
                        case 16 -> ComparisonResult.failure(FailureCode.MATCH_ERROR, "cannot compare");
                        default -> ComparisonResult.score(enrolment.equals(probe) ? 0.9 : 0.1);
                    });
                }
                switch (subject) {
                    case 12 -> results.add(ComparisonResult.score(0.5));
                    case 13 -> hang();
                    case 14 -> throw new Error("simulated: a vendor library threw an Error");
                    case 15 -> throw new IllegalArgumentException("simulated bug in comparison");
                    default -> {
                    }
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

    private static int subject(String imageId) {
        return Integer.parseInt(imageId.substring(1, imageId.indexOf('-')));
    }

    /** Never returns in a test's lifetime, and ignores interruption, like a stuck native call. */
    private static void hang() {
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                // A stuck native call would not notice either.
            }
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
