package org.touchstone.runner.verification;

import java.nio.file.Path;
import java.util.List;

/**
 * What a completed run reports back to the command line.
 *
 * @param runDir              the run directory
 * @param templates           template-creation calls
 * @param templateFailures    of which failed
 * @param pairs               pairs in the plan
 * @param compared            pairs compared successfully
 * @param comparisonSeconds   wall time of the comparison stage
 * @param totalSeconds        wall time of the whole run
 * @param headline            the reports' headline lines
 */
public record RunOutcome(Path runDir, long templates, long templateFailures, long pairs, long compared,
                         double comparisonSeconds, double totalSeconds, List<String> headline) {
    /** @return comparisons per second in the comparison stage */
    public double comparisonsPerSecond() {
        return comparisonSeconds > 0 ? compared / comparisonSeconds : 0;
    }
}
