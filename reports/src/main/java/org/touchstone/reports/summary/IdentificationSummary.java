package org.touchstone.reports.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.stats.Proportion;

/**
 * Identification's first screen, in the largest gallery (the hardest and the one a deployment resembles):
 * the rank-1 identification rate, FNIR at the smallest supported FPIR target and failure to enrol, large;
 * FNIR at the other targets and at the vendor's named thresholds, listed; the FPIR targets the data cannot
 * support; rank-1 compared between groups. A run whose galleries are separate rather than a sweep (metrics.json's
 * {@code gallery_average}, IJB's G1 and G2) shows the mean rank-1 rate and TPIR at each FPIR target over its
 * galleries first, as insightface reports them, then every gallery's own figures with their counts.
 */
final class IdentificationSummary implements SummarySection {
    @Override
    public List<Headline> headlines(JsonNode metrics) {
        List<Headline> out = new ArrayList<>();
        JsonNode gallery = largest(metrics);
        if (gallery == null) {
            return out;
        }
        JsonNode average = metrics.path("gallery_average");
        if (average.isMissingNode()) {
            gallery(metrics, gallery, Map.of(), "", true, out);
            return out;
        }
        // Separate galleries (IJB's G1 and G2): the mean as insightface reports it, then each gallery in full.
        List<String> averaged = new ArrayList<>();
        average.path("galleries").forEach(id -> averaged.add(id.asText()));
        String ids = String.join(" and ", averaged);
        JsonNode rank1 = Figures.find(average.path("rank_rates"), "rank", 1);
        if (rank1.path("identification_rate").isNumber()) {
            double mean = rank1.path("identification_rate").asDouble();
            out.add(new Headline("rank1", Map.of("gallery", "mean"), "Rank-1 identification rate, mean of " + ids,
                    Headline.Status.MEASURED, mean, Double.NaN, Double.NaN, -1, -1, true, false, true,
                    "Averaged over galleries " + ids + " (each searched on its own), this system puts the right"
                            + " person first " + Text.percent(mean) + " of the time; each gallery's counts follow."));
        }
        for (JsonNode point : average.path("fpir_operating_points")) {
            double target = point.path("fpir_target").asDouble();
            Map<String, String> at = new java.util.LinkedHashMap<>();
            at.put("gallery", "mean");
            at.put("fpir", Text.key(target));
            String label = "TPIR at FPIR " + Text.oneIn(target) + ", mean of " + ids;
            if (!point.path("supported").asBoolean()) {
                out.add(Figures.unsupported("tpir", at, label, "a gallery has too few non-mated searches (3/FPIR)"));
            } else if (!point.path("tpir").isNumber()) {
                out.add(Figures.undefined("tpir", at, label, "a gallery has no threshold for it"));
            } else {
                double tpir = point.path("tpir").asDouble();
                out.add(new Headline("tpir", at, label, Headline.Status.MEASURED, tpir, Double.NaN, Double.NaN, -1,
                        -1, true, false, false, "When only " + Text.oneIn(target) + " searches for someone not in"
                        + " the gallery may return a candidate, this system finds " + Text.percent(tpir)
                        + " of enrolled people at rank " + point.path("rank").asInt() + " (mean of " + ids + ")."));
            }
        }
        if (metrics.path("failure_to_enrol").size() > 0) {
            out.add(Figures.failureToEnrol(metrics.path("failure_to_enrol")));
        }
        for (JsonNode each : metrics.path("galleries")) {
            gallery(metrics, each, Map.of("gallery", each.path("gallery_id").asText()),
                    " in " + each.path("gallery_id").asText(), false, out);
        }
        return out;
    }

    /** One gallery's headlines; {@code prominent} for the one gallery of a sweep's first screen. */
    private static void gallery(JsonNode metrics, JsonNode gallery, Map<String, String> in, String suffix,
                                boolean prominent, List<Headline> out) {
        String where = "gallery " + gallery.path("gallery_id").asText() + " of "
                + Text.count(gallery.path("enrolled_templates").asLong()) + " enrolled templates";
        JsonNode rank1 = Figures.find(gallery.path("cmc"), "rank", 1);
        if (!rank1.isMissingNode()) {
            out.add(Figures.rate("rank1", in, "Rank-1 identification rate" + suffix, rank1, "identification_rate",
                    "hits", "mated_searches", false, prominent, (v, ci, n) -> "Searching for someone enrolled in the "
                            + where + ", this system puts the right person first " + v + " of the time (" + ci + "; "
                            + n + " searches)."));
        }
        // MegaFace Challenge 1 (design megaface-c1): TAR at each FAR target, at the largest distractor set.
        for (JsonNode point : gallery.path("tar_operating_points")) {
            double target = point.path("far_target").asDouble();
            Map<String, String> at = Map.of("far", Text.key(target));
            String label = "TAR at FAR " + Text.oneIn(target);
            if (!point.path("supported").asBoolean()) {
                out.add(Figures.unsupported("tar", at, label, Text.count(point.path("impostor_comparisons").asLong())
                        + " impostor comparisons, at least " + Text.count(point.path("min_impostor_comparisons").asLong())
                        + " needed (3/FAR)"));
            } else if (!point.path("threshold").isNumber()) {
                out.add(Figures.undefined("tar", at, label, "threshold " + point.path("threshold_origin").asText()
                        + ": the candidate lists are too short to place it"));
            } else {
                out.add(Figures.rate("tar", at, label, point, "tar", "accepted_genuine_pairs", "genuine_pairs", false,
                        false, (v, ci, n) -> "When only " + Text.oneIn(target) + " comparisons with a distractor may"
                                + " be accepted, this system accepts " + v + " of same-person pairs (" + ci + "; " + n
                                + ")."));
            }
        }
        double smallest = Double.NaN;
        for (JsonNode point : gallery.path("fpir_operating_points")) {
            double target = point.path("fpir_target").asDouble();
            if (point.path("supported").asBoolean() && point.path("threshold").isNumber()
                    && (Double.isNaN(smallest) || target < smallest)) {
                smallest = target;
            }
        }
        if (prominent && metrics.path("failure_to_enrol").size() > 0) {
            out.add(Figures.failureToEnrol(metrics.path("failure_to_enrol")));
        }
        for (JsonNode point : gallery.path("fpir_operating_points")) {
            double target = point.path("fpir_target").asDouble();
            Map<String, String> at = new java.util.LinkedHashMap<>(in);
            at.put("fpir", Text.key(target));
            String label = "FNIR at FPIR " + Text.oneIn(target) + suffix;
            if (!point.path("supported").asBoolean()) {
                out.add(Figures.unsupported("fnir", at, label, Text.count(point.path("non_mated_searches").asLong(
                        gallery.path("searches").path("non_mated_searches").asLong())) + " non-mated searches, at least "
                        + Text.count(point.path("min_non_mated_searches").asLong()) + " needed (3/FPIR)"));
            } else if (!point.path("threshold").isNumber()) {
                out.add(Figures.undefined("fnir", at, label, "no search returned a candidate"));
            } else {
                out.add(Figures.rate("fnir", at, label, point, "fnir", "missed_mated_searches", "mated_searches", true,
                        prominent && target == smallest, (v, ci, n) -> "When only " + Text.oneIn(target)
                                + " searches for someone"
                                + " never enrolled may return a candidate, this system misses " + v
                                + " of enrolled people (" + ci + "; " + n + ")."));
            }
        }
        for (JsonNode named : gallery.path("named_thresholds")) {
            String name = named.path("name").asText();
            Map<String, String> atName = new java.util.LinkedHashMap<>(in);
            atName.put("threshold", name);
            String at = "the " + named.path("source").asText() + "'s threshold \"" + name + "\" ("
                    + Text.plain(named.path("threshold").asDouble()) + ")";
            out.add(Figures.rate("fnir", atName, "FNIR at threshold " + name + suffix, named, "fnir",
                    "missed_mated_searches", "mated_searches", true, false, (v, ci, n) -> "At " + at
                            + ", this system misses " + v + " of enrolled people (" + ci + "; " + n + ")."));
            out.add(Figures.rate("fpir", atName, "FPIR at threshold " + name + suffix, named, "fpir",
                    "false_positive_searches", "non_mated_searches", true, false, (v, ci, n) -> "At " + at
                            + ", " + v + " of searches for someone never enrolled return a candidate (" + ci + "; "
                            + n + ")."));
        }
    }

    /** The last gallery of metrics.json, the largest (galleries are listed by size); null when none. */
    static JsonNode largest(JsonNode metrics) {
        JsonNode galleries = metrics.path("galleries");
        return galleries.size() == 0 ? null : galleries.get(galleries.size() - 1);
    }

    @Override
    public List<DemographicVerdict> demographics(JsonNode metrics) {
        JsonNode gallery = largest(metrics);
        if (gallery == null || gallery.path("groups").size() == 0) {
            return List.of();
        }
        return List.of(DemographicVerdict.of("Rank-1 identification rate in gallery "
                + gallery.path("gallery_id").asText(), "rank-1 rate", Figures.columns(gallery.path("groups"), group -> {
                    JsonNode r = Figures.find(group.path("rank_rates"), "rank", 1);
                    return r.isMissingNode() ? null : new Proportion(r.path("hits").asLong(), r.path("mated_searches").asLong());
                })));
    }
}
