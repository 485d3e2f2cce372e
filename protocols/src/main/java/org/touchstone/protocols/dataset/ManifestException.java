package org.touchstone.protocols.dataset;

import java.util.List;
import org.touchstone.protocols.support.ProblemMessages;

/** A dataset manifest, or files it lists, failed validation. Carries every problem found, not only the first. */
public final class ManifestException extends Exception {
    private final transient List<ManifestProblem> problems;

    /**
     * @param problems the problems found, in the order to report them; at least one
     */
    public ManifestException(List<ManifestProblem> problems) {
        super(ProblemMessages.render("invalid dataset manifest", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, in order of line */
    public List<ManifestProblem> problems() {
        return problems;
    }
}
