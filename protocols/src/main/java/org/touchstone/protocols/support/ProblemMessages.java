package org.touchstone.protocols.support;

import java.util.List;

/** Renders a list of problems as an exception message that stays readable however many there are. */
public final class ProblemMessages {
    /** Beyond this many problems the message ends with a count; the full list stays in the exception. */
    public static final int MAX_LISTED = 50;

    private ProblemMessages() {
    }

    /**
     * @param subject  what failed, such as {@code "invalid dataset manifest"}
     * @param problems the problems in order, each naming its file and line in its {@code toString()}
     * @return a single problem alone; otherwise a line {@code "subject: N problems"} followed by the
     *         first {@value #MAX_LISTED} problems, one per line, and {@code "... and N more"} if there are more
     * @throws IllegalArgumentException if there is no problem
     */
    public static String render(String subject, List<?> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException(subject + ": an exception needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder message = new StringBuilder(subject).append(": ").append(problems.size()).append(" problems");
        problems.stream().limit(MAX_LISTED).forEach(p -> message.append('\n').append(p));
        if (problems.size() > MAX_LISTED) {
            message.append("\n... and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return message.toString();
    }
}
