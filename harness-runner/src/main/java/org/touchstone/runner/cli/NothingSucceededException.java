package org.touchstone.runner.cli;

import java.util.Map;
import java.util.Optional;
import org.touchstone.runner.engine.RunOutcome;

/**
 * A run that completed but in which not one comparison, search or analysis succeeded: its report
 * measures the system's failures only (a rank-1 rate of 0.00% that says nothing of its accuracy), so the
 * command exits 1 and says why. The run directory is kept, complete, for whoever investigates.
 */
final class NothingSucceededException extends Exception {
    private static final long serialVersionUID = 1L;

    private NothingSucceededException(String message) {
        super(message);
    }

    /**
     * @param outcome a completed run
     * @return the exception to throw when nothing of the run's capability succeeded, else empty
     */
    static Optional<NothingSucceededException> of(RunOutcome outcome) {
        Map<String, Number> figures = outcome.figures();
        String where = "; the failure codes and messages are in " + outcome.runDir();
        if (positive(figures, "pairs") && zero(figures, "compared")) {
            return Optional.of(new NothingSucceededException("the run completed, but none of its "
                    + figures.get("pairs") + " comparisons succeeded, so its error rates describe failures only"
                    + where + " (templates.csv, comparisons.arrows)"));
        }
        if (positive(figures, "searches") && zero(figures, "searches_ok")) {
            return Optional.of(new NothingSucceededException("the run completed, but none of its "
                    + figures.get("searches") + " searches (in " + figures.get("galleries") + " galleries) succeeded,"
                    + " so its identification rates describe failures only" + where
                    + " (galleries.csv, searches.csv)"));
        }
        if (positive(figures, "images") && zero(figures, "analyses_ok")) {
            return Optional.of(new NothingSucceededException("the run completed, but none of its "
                    + figures.get("images") + " analyses succeeded, so its accuracy figures describe failures only"
                    + where + " (analyses.csv)"));
        }
        return Optional.empty();
    }

    private static boolean positive(Map<String, Number> figures, String name) {
        return figures.containsKey(name) && figures.get(name).longValue() > 0;
    }

    private static boolean zero(Map<String, Number> figures, String name) {
        return figures.containsKey(name) && figures.get(name).longValue() == 0;
    }
}
