package org.touchstone.protocols.support;

import java.util.List;

/** Renders a list of problems as an exception message that stays readable however many there are. */
public final class ProblemMessages {
    /** Beyond this many problems the message ends with a count; the full list stays in the exception. */
    public static final int MAX_LISTED = 50;

    private ProblemMessages() {
    }

    /**
     * @param headline the first line, such as {@code "manifest m.csv has 3 problems:"}
     * @param problems the problems, one per line, in order (their {@code toString()})
     * @return the headline followed by the first {@value #MAX_LISTED} problems and, if there are more,
     *         a line {@code "... and N more"}
     */
    public static String render(String headline, List<?> problems) {
        StringBuilder message = new StringBuilder(headline);
        problems.stream().limit(MAX_LISTED).forEach(p -> message.append('\n').append(p));
        if (problems.size() > MAX_LISTED) {
            message.append("\n... and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return message.toString();
    }

    /**
     * @param count how many problems
     * @return {@code "1 problem"} or {@code "N problems"}
     */
    public static String count(int count) {
        return count + (count == 1 ? " problem" : " problems");
    }
}
