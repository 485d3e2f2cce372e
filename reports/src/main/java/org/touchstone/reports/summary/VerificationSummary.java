package org.touchstone.reports.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.stats.Proportion;

/**
 * Verification's first screen: FNMR at the headline FMR target (1 in 1,000 when the data supports it, else the
 * smallest supported target), the equal error rate and failure to enrol, large; FNMR at the other targets and
 * both rates at the vendor's named thresholds, listed; the targets the data cannot support; FNMR and FMR
 * compared between groups at the headline target.
 */
final class VerificationSummary implements SummarySection {
    /** The FMR target shown first when the data supports it (NIST FRVT's customary 1:1 operating point). */
    static final double PREFERRED_FMR_TARGET = 1e-3;

    @Override
    public List<Headline> headlines(JsonNode metrics) {
        List<Headline> out = new ArrayList<>();
        JsonNode points = metrics.path("fmr_operating_points");
        double headline = headlineTarget(points);
        List<Headline> targets = new ArrayList<>();
        for (JsonNode point : points) {
            double target = point.path("fmr_target").asDouble();
            Map<String, String> at = Map.of("fmr", Text.key(target));
            String label = "FNMR at FMR " + Text.oneIn(target);
            if (!point.path("supported").asBoolean()) {
                targets.add(Figures.unsupported("fnmr", at, label, Text.count(point.path("impostor_comparisons")
                        .asLong(metrics.path("comparisons").path("impostor_comparisons").asLong()))
                        + " impostor comparisons, at least " + Text.count(point.path("min_impostor_comparisons").asLong())
                        + " needed (3/FMR)"));
            } else if (!point.path("threshold").isNumber()) {
                targets.add(Figures.undefined("fnmr", at, label, "no comparison produced a score"));
            } else {
                Headline h = Figures.rate("fnmr", at, label, point, "fnmr", "false_non_matches", "genuine_comparisons",
                        true, target == headline, (v, ci, n) -> "At " + Text.oneIn(target)
                                + " false matches, this system fails to match " + v + " of genuine pairs (" + ci
                                + "; " + n + ").");
                if (target == headline) {
                    out.add(h);
                } else {
                    targets.add(h);
                }
            }
        }
        out.add(equalErrorRate(metrics.path("equal_error_rate").path("interpolated")));
        if (metrics.path("failure_to_enrol").size() > 0) {
            out.add(Figures.failureToEnrol(metrics.path("failure_to_enrol")));
        }
        out.addAll(targets);
        for (JsonNode named : metrics.path("named_thresholds")) {
            String name = named.path("name").asText();
            String where = "the " + named.path("source").asText() + "'s threshold \"" + name + "\" ("
                    + Text.plain(named.path("threshold").asDouble()) + ")";
            Map<String, String> at = Map.of("threshold", name);
            out.add(Figures.rate("fnmr", at, "FNMR at threshold " + name, named, "fnmr", "false_non_matches",
                    "genuine_comparisons", true, false, (v, ci, n) -> "At " + where + ", this system fails to match "
                            + v + " of genuine pairs (" + ci + "; " + n + ")."));
            out.add(Figures.rate("fmr", at, "FMR at threshold " + name, named, "fmr", "false_matches",
                    "impostor_comparisons", true, false, (v, ci, n) -> "At " + where + ", it wrongly accepts " + v
                            + " of impostor pairs (" + ci + "; " + n + ")."));
        }
        return out;
    }

    private static Headline equalErrorRate(JsonNode eer) {
        if (!eer.path("eer").isNumber()) {
            return Figures.undefined("eer", Map.of(), "Equal error rate",
                    "FMR and FNMR never cross, or a kind of comparison is missing");
        }
        double value = eer.path("eer").asDouble();
        JsonNode nearest = eer.path("nearest_threshold");
        String counts = nearest.isMissingNode() ? "" : " (at the nearest observed threshold: "
                + Text.count(nearest.path("false_non_matches").asLong()) + " of "
                + Text.count(nearest.path("genuine_comparisons").asLong()) + " genuine pairs rejected, "
                + Text.count(nearest.path("false_matches").asLong()) + " of "
                + Text.count(nearest.path("impostor_comparisons").asLong()) + " impostor pairs accepted)";
        return new Headline("eer", Map.of(), "Equal error rate", Headline.Status.MEASURED, value, Double.NaN,
                Double.NaN, -1, -1, true, true, true, "At the threshold where both errors are equal (about "
                + Text.plain(eer.path("interpolated_threshold").asDouble()) + "), this system wrongly accepts and"
                + " wrongly rejects about " + Text.percent(value) + " of pairs each" + counts
                + "; a summary of the curve, with no interval.");
    }

    /** 1 in 1,000 when supported, else the smallest supported target; NaN when none is supported. */
    static double headlineTarget(JsonNode points) {
        double smallest = Double.NaN;
        for (JsonNode point : points) {
            if (!point.path("supported").asBoolean() || !point.path("threshold").isNumber()) {
                continue;
            }
            double target = point.path("fmr_target").asDouble();
            if (target == PREFERRED_FMR_TARGET) {
                return target;
            }
            if (Double.isNaN(smallest) || target < smallest) {
                smallest = target;
            }
        }
        return smallest;
    }

    @Override
    public List<DemographicVerdict> demographics(JsonNode metrics) {
        if (metrics.path("groups").size() == 0) {
            return List.of();
        }
        double target = headlineTarget(metrics.path("fmr_operating_points"));
        if (Double.isNaN(target)) {
            return List.of();
        }
        String at = "at FMR " + Text.oneIn(target) + " (one threshold for every group)";
        List<DemographicVerdict> verdicts = new ArrayList<>();
        verdicts.add(DemographicVerdict.of("FNMR " + at, "FNMR", Figures.columns(metrics.path("groups"), group -> {
            JsonNode p = Figures.find(group.path("fmr_operating_points"), "fmr_target", target);
            return p.isMissingNode() ? null
                    : new Proportion(p.path("false_non_matches").asLong(), p.path("genuine_comparisons").asLong());
        })));
        verdicts.add(DemographicVerdict.of("FMR " + at, "FMR", Figures.columns(metrics.path("groups"), group -> {
            JsonNode p = Figures.find(group.path("fmr_operating_points"), "fmr_target", target);
            return p.isMissingNode() ? null
                    : new Proportion(p.path("false_matches").asLong(), p.path("impostor_comparisons").asLong());
        })));
        return verdicts;
    }
}
