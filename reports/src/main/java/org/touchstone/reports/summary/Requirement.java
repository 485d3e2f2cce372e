package org.touchstone.reports.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requirement on a headline figure, for a vendor's regression gate: {@code fnmr@fmr=1e-3 <= 0.05},
 * {@code fte <= 1%}, {@code rank1 >= 0.9}, {@code accuracy@attribute=smile >= 0.95}. The figure is named as
 * {@link Headline#key()} names it (numbers compared by value, so {@code fmr=1e-3} is {@code fmr=0.001}); the
 * bound is a number or a percentage.
 *
 * @param text   the requirement as written
 * @param metric the figure's metric
 * @param at     the figure's parameters
 * @param op     the comparison
 * @param bound  the bound (a percentage already divided by 100)
 */
public record Requirement(String text, String metric, Map<String, String> at, String op, double bound) {
    private static final Pattern FORM = Pattern.compile(
            "\\s*([a-z][a-z0-9_]*)((?:@[a-z_]+=[^\\s@<>=]+)*)\\s*(<=|>=|<|>)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(%?)\\s*");

    /** A requirement that cannot be read or that names no figure of the run; the message says why. */
    public static final class BadRequirementException extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequirementException(String message) {
            super(message);
        }
    }

    /**
     * @param text e.g. {@code fnmr@fmr=1e-3 <= 0.05}
     * @return the requirement
     * @throws BadRequirementException naming what is malformed and the expected form
     */
    public static Requirement parse(String text) throws BadRequirementException {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new BadRequirementException("requirement '" + text + "' is malformed: expected METRIC[@NAME=VALUE...]"
                    + " OP BOUND, with OP one of <= < >= > and BOUND a number or a percentage, e.g."
                    + " 'fnmr@fmr=1e-3 <= 0.05' or 'fte <= 1%'");
        }
        Map<String, String> at = new LinkedHashMap<>();
        for (String part : m.group(2).split("@")) {
            if (!part.isEmpty()) {
                at.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
            }
        }
        double bound = Double.parseDouble(m.group(4)) / (m.group(5).isEmpty() ? 1 : 100);
        return new Requirement(text.strip(), m.group(1), at, m.group(3), bound);
    }

    /**
     * The outcome of a requirement on one run.
     *
     * @param requirement the requirement
     * @param figure      the figure it is about
     * @param met         whether it holds (never for an unsupported or undefined figure)
     * @param message     a line for the log: PASS or FAIL, the requirement, the measured value, interval and counts
     */
    public record Outcome(Requirement requirement, Headline figure, boolean met, String message) {
    }

    /**
     * @param summary a run's summary
     * @return whether the run meets the requirement, with the measured value and interval
     * @throws BadRequirementException when the requirement names no figure of the run (listing those it has)
     */
    public Outcome check(RunSummary summary) throws BadRequirementException {
        Headline figure = null;
        for (Headline h : summary.headlines()) {
            if (matches(h)) {
                figure = h;
                break;
            }
        }
        if (figure == null) {
            List<String> keys = new ArrayList<>();
            summary.headlines().forEach(h -> keys.add(h.key()));
            throw new BadRequirementException("requirement '" + text + "' names no figure of this " + summary.capability()
                    + " run; it has: " + String.join(", ", keys));
        }
        if (!figure.measured()) {
            return new Outcome(this, figure, false, "FAIL " + text + ": " + figure.status().name().toLowerCase(
                    java.util.Locale.ROOT) + ". " + figure.sentence());
        }
        boolean met = switch (op) {
            case "<=" -> figure.value() <= bound;
            case "<" -> figure.value() < bound;
            case ">=" -> figure.value() >= bound;
            default -> figure.value() > bound;
        };
        String detail = String.join("; ", List.of(figure.intervalText(), figure.countText()).stream()
                .filter(s -> !s.isEmpty()).toList());
        return new Outcome(this, figure, met, (met ? "PASS " : "FAIL ") + text + ": measured " + figure.valueText()
                + " (" + (figure.rate() ? figure.value() + ", " : "") + (detail.isEmpty() ? "no interval" : detail) + ")");
    }

    private boolean matches(Headline h) {
        if (!h.metric().equals(metric) || !h.at().keySet().equals(at.keySet())) {
            return false;
        }
        for (Map.Entry<String, String> e : at.entrySet()) {
            String theirs = h.at().get(e.getKey());
            if (!theirs.equals(e.getValue()) && !sameNumber(theirs, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
