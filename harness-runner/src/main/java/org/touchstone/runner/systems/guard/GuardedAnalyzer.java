package org.touchstone.runner.systems.guard;

import java.util.List;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Result;
import org.touchstone.runner.systems.OpenedSystem;

/** Calls a system's {@link AttributeAnalyzer} through the {@link Guard}. */
public final class GuardedAnalyzer {
    private final OpenedSystem system;
    private final CallRecorder timings;

    /** @param system an opened system that offers analysis */
    public GuardedAnalyzer(OpenedSystem system) {
        this(system, CallRecorder.discarding());
    }

    /**
     * @param system  an opened system that offers analysis
     * @param timings where every call's latency is recorded
     */
    public GuardedAnalyzer(OpenedSystem system, CallRecorder timings) {
        this.system = system;
        this.timings = timings;
    }

    private AttributeAnalyzer analyzer() throws FaceSystemException {
        return system.instance().analyzer().orElseThrow(() -> new FaceSystemException(
                FailureCode.INVALID_OUTPUT, "analyzer() became empty after open"));
    }

    /**
     * What one analysis produced.
     *
     * @param faces     the faces found (empty: no face), or null when the call failed
     * @param failure   why it failed, or null
     * @param latencyNs wall time of the call
     */
    public record Outcome(List<FaceAnalysis> faces, org.touchstone.api.Failure failure, long latencyNs) {
        /** @return true when the call returned a list of faces (possibly empty) */
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * @param image the image
     * @return the faces found, or why the call failed; a list holding null is {@link FailureCode#INVALID_OUTPUT}
     */
    public Outcome analyze(FaceImage image) {
        Outcome outcome = guardedAnalyze(image);
        timings.record(TimedOperation.ANALYZE, outcome.latencyNs(), !outcome.ok());
        return outcome;
    }

    private Outcome guardedAnalyze(FaceImage image) {
        Guard.Outcome<Result<List<FaceAnalysis>>> outcome = Guard.call("analyze", () -> analyzer().analyze(image));
        if (!outcome.ok()) {
            return new Outcome(null, outcome.failure(), outcome.latencyNs());
        }
        Result<List<FaceAnalysis>> result = outcome.value();
        if (!result.isSuccess()) {
            return new Outcome(null, Guard.checked(result.failure().orElseThrow()), outcome.latencyNs());
        }
        Object faces = result.value();
        if (!(faces instanceof List<?> list) || list.stream().anyMatch(f -> !(f instanceof FaceAnalysis))) {
            return new Outcome(null, Guard.invalid("analyze returned " + (faces instanceof List<?>
                    ? "a list holding something other than a FaceAnalysis (or null)" : "a " + faces.getClass().getName())),
                    outcome.latencyNs());
        }
        return new Outcome(List.copyOf(result.value()), null, outcome.latencyNs());
    }
}
