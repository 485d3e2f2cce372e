package org.touchstone.protocols;

import java.util.List;
import org.touchstone.protocols.support.ProblemMessages;

/**
 * A protocol could not be found, or a protocol file or pair list failed validation. Carries every
 * problem found, not only the first.
 */
public final class ProtocolException extends Exception {
    private final transient List<ProtocolProblem> problems;

    /**
     * @param problems the problems found, in the order to report them; at least one
     */
    public ProtocolException(List<ProtocolProblem> problems) {
        super(ProblemMessages.render("invalid protocol or pair list", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problem the only problem
     */
    public ProtocolException(ProtocolProblem problem) {
        this(List.of(problem));
    }

    /** @return every problem found, in order */
    public List<ProtocolProblem> problems() {
        return problems;
    }
}
