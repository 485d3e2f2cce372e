package org.touchstone.runner.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.touchstone.runner.engine.backend.Mergeable;

/**
 * What a completed run reports back to the command line.
 *
 * @param runDir       the run directory
 * @param totalSeconds wall time of the whole run
 * @param stages       one line per stage, e.g. "comparisons: 319,600 of 319,600 pairs in 0.64 s"
 * @param figures      the stages' counts by name (e.g. {@code templates}, {@code pairs}, {@code compared}),
 *                     as also recorded in run.json's {@code stages}
 * @param headline     the reports' headline lines
 * @param summaries    the merged results of the stages that ran as work plans, by stage (e.g.
 *                     {@code comparisons}: a {@code ComparisonSummary}); equal whichever backend ran them
 */
public record RunOutcome(Path runDir, double totalSeconds, List<String> stages, Map<String, Number> figures,
                         List<String> headline, Map<String, Mergeable<?>> summaries) {
    /** Copies the collections. */
    public RunOutcome {
        stages = List.copyOf(stages);
        figures = Map.copyOf(figures);
        headline = List.copyOf(headline);
        summaries = Map.copyOf(summaries);
    }

    /**
     * @param name a figure's name
     * @return its value as a long
     * @throws IllegalArgumentException if the run did not record it
     */
    public long count(String name) {
        Number n = figures.get(name);
        if (n == null) {
            throw new IllegalArgumentException("run recorded no figure '" + name + "'; it has " + figures.keySet());
        }
        return n.longValue();
    }
}
