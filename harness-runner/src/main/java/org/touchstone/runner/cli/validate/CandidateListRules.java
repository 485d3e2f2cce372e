package org.touchstone.runner.cli.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.touchstone.api.Candidate;
import org.touchstone.api.ScoreRange;

/**
 * What makes a candidate list valid: no longer than asked, as long as the gallery allows, only
 * {@code Candidate}s, each enrolled and listed once, scores finite, in range and sorted descending.
 */
final class CandidateListRules {
    /** Candidates asked for in every search. */
    static final int CANDIDATES = 5;

    private CandidateListRules() {
    }

    /**
     * @param list           what a search returned
     * @param enrolled       the gallery's template ids
     * @param expectedLength how many candidates the gallery can give
     * @param range          the declared score range
     * @return the first rule broken, or null when the list is valid
     */
    static String problem(List<Candidate> list, Set<String> enrolled, int expectedLength, ScoreRange range) {
        if (list.size() > CANDIDATES) {
            return list.size() + " candidates for " + CANDIDATES + " asked";
        }
        if (list.size() != expectedLength) {
            return list.size() + " candidates where the gallery holds enough for " + expectedLength;
        }
        Set<String> seen = new HashSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (Object o : list) {
            if (!(o instanceof Candidate c)) {
                return "the list holds " + (o == null ? "null" : "a " + o.getClass().getName());
            }
            if (!seen.add(c.templateId())) {
                return c.templateId() + " is listed twice";
            }
            if (!enrolled.contains(c.templateId())) {
                return c.templateId() + " was never enrolled";
            }
            if (!range.contains(c.score())) {
                return "score " + c.score() + " is not finite or outside [" + range.min() + ", " + range.max() + "]";
            }
            if (c.score() > previous) {
                return "not sorted: " + previous + " before " + c.score();
            }
            previous = c.score();
        }
        return null;
    }
}
