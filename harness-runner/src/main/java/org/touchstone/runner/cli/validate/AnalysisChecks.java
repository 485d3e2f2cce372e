package org.touchstone.runner.cli.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.touchstone.api.Attribute;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/**
 * The analysis checks, in report order: every image analysed without faults, estimating only declared
 * attributes ({@code analysis.results}); deterministically; from many threads
 * ({@code analysis.concurrency}); bad images answered; and the median time per image.
 */
final class AnalysisChecks {
    private AnalysisChecks() {
    }

    static void check(ValidationSubject s) {
        Set<Attribute> declared = new HashSet<>(s.opened().descriptor().attributes());
        Function<FaceImage, Guarded.Outcome<List<FaceAnalysis>>> analyze = image -> {
            Guarded.Outcome<List<FaceAnalysis>> o = Guarded.call("analyze",
                    () -> s.instance().analyzer().orElseThrow().analyze(image));
            String problem = o.ok() ? undeclared(o.value(), declared) : null;
            return problem == null ? o : new Guarded.Outcome<>(null, new Failure(FailureCode.INVALID_OUTPUT, problem),
                    o.latencyNs());
        };
        List<FaceImage> images = s.images();
        List<Guarded.Outcome<List<FaceAnalysis>>> first = new ArrayList<>();
        images.forEach(i -> first.add(analyze.apply(i)));
        AnswersNotFaultsCheck.check("analysis.results", first, images, Guarded.Outcome::failure, s.log());
        List<Guarded.Outcome<List<FaceAnalysis>>> second = new ArrayList<>();
        images.forEach(i -> second.add(analyze.apply(i)));
        SameAnswersCheck.check("analysis.deterministic", "the same image gives the same analysis", images,
                i -> first.get(i).answer(), i -> second.get(i).answer(), "a second call", s.log());
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            int index = i;
            tasks.add(() -> {
                Guarded.Outcome<List<FaceAnalysis>> again = analyze.apply(images.get(index));
                return Objects.equals(first.get(index).answer(), again.answer()) ? null : images.get(index).id()
                        + " (serially " + first.get(index).describe() + ", concurrently " + again.describe() + ")";
            });
        }
        List<String> differences = s.runConcurrently(tasks);
        s.log().add("analysis.concurrency", "analyses from " + s.threads() + " threads at once give the serial answers",
                true, differences.isEmpty() ? Verdict.PASS : Verdict.FAIL, differences.size() + " of " + tasks.size()
                        + " concurrent analyses differed" + (differences.isEmpty() ? "" : ", e.g. " + differences.get(0)), Map.of("differing", differences.size()));
        BadInputCheck.check("analysis.bad-input", s.bad(), image -> {
            Guarded.Outcome<List<FaceAnalysis>> o = analyze.apply(image);
            // For analysis, "no face" (an empty list) is the right answer to an image without one.
            return o.ok() && o.value().isEmpty() ? new Guarded.Outcome<>(null,
                    new Failure(FailureCode.FACE_DETECTION_ERROR, "no face found"), o.latencyNs()) : o;
        }, s.log());
        MedianTimeCheck.check("timing.analysis", "median analysis time per image", ValidationSubject.median(first.stream()
                .mapToDouble(o -> o.latencyNs() / 1e6).toArray()), s.limits().analysisMillisPerImage(), "ms", s.log());
    }

    /** @return what breaks the contract in an analysis: a non-face in the list, or an undeclared attribute */
    private static String undeclared(List<FaceAnalysis> faces, Set<Attribute> declared) {
        for (Object o : faces) {
            if (!(o instanceof FaceAnalysis face)) {
                return "the list of faces holds " + (o == null ? "null" : "a " + o.getClass().getName());
            }
            for (Attribute a : face.estimates().keySet()) {
                if (!declared.contains(a)) {
                    return "attribute " + a + " is estimated but not declared";
                }
            }
        }
        return null;
    }
}
