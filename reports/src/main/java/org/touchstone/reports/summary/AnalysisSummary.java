package org.touchstone.reports.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.stats.Proportion;

/**
 * Facial analysis's first screen, at the headline operating point (the vendor's named threshold when there is
 * one, else the confidence threshold nearest 0.9, as the report's headline): each categorical attribute's
 * accuracy among decided images, large, with its coverage listed; failure to acquire; accuracy compared
 * between groups, per attribute.
 */
final class AnalysisSummary implements SummarySection {
    private static final double HEADLINE_CONFIDENCE = 0.9;

    @Override
    public List<Headline> headlines(JsonNode metrics) {
        List<Headline> out = new ArrayList<>();
        List<Headline> coverage = new ArrayList<>();
        for (JsonNode attribute : metrics.path("attributes")) {
            String name = attribute.path("attribute").asText();
            JsonNode point = headlinePoint(attribute.path("operating_points"));
            if (point == null) {
                continue;
            }
            String at = describe(point);
            Map<String, String> where = Map.of("attribute", name);
            if (attribute.path("kind").asText().equals("categorical")) {
                out.add(Figures.rate("accuracy", where, name + " accuracy", point, "accuracy", "correct", "decided",
                        false, true, (v, ci, n) -> "At " + at + ", this system's " + name + " estimates are right "
                                + v + " of the time (" + ci + "; " + n + " decided images)."));
            }
            coverage.add(Figures.rate("coverage", where, name + " coverage", point, "coverage", "decided", "images",
                    false, false, (v, ci, n) -> "At " + at + ", it decides " + name + " for " + v + " of images ("
                            + ci + "; " + n + ")."));
        }
        JsonNode fta = metrics.path("analyses").path("failure_to_acquire");
        if (!fta.isMissingNode()) {
            out.add(Figures.rate("fta", Map.of(), "Failure to acquire", fta, "rate", "no_face_images", "images", true,
                    true, (v, ci, n) -> "The system found no face in " + v + " of images (" + ci + "; " + n + ")."));
        }
        out.addAll(coverage);
        return out;
    }

    /** The vendor's named threshold when there is one, else the confidence threshold nearest 0.9. */
    static JsonNode headlinePoint(JsonNode points) {
        JsonNode best = null;
        for (JsonNode point : points) {
            if (point.hasNonNull("name")) {
                return point;
            }
            double distance = Math.abs(point.path("confidence_threshold").asDouble() - HEADLINE_CONFIDENCE);
            if (best == null || distance < Math.abs(best.path("confidence_threshold").asDouble() - HEADLINE_CONFIDENCE)) {
                best = point;
            }
        }
        return best;
    }

    private static String describe(JsonNode point) {
        return point.hasNonNull("name") ? "the " + point.path("source").asText() + "'s threshold \""
                + point.path("name").asText() + "\" (confidence " + Text.plain(point.path("confidence_threshold")
                .asDouble()) + ")" : "confidence " + Text.plain(point.path("confidence_threshold").asDouble());
    }

    @Override
    public List<DemographicVerdict> demographics(JsonNode metrics) {
        List<DemographicVerdict> verdicts = new ArrayList<>();
        for (JsonNode attribute : metrics.path("attributes")) {
            JsonNode point = headlinePoint(attribute.path("operating_points"));
            if (point == null || !attribute.path("kind").asText().equals("categorical")
                    || attribute.path("groups").size() == 0) {
                continue;
            }
            String name = point.path("operating_point").asText();
            verdicts.add(DemographicVerdict.of(attribute.path("attribute").asText() + " accuracy at " + describe(point),
                    attribute.path("attribute").asText() + " accuracy", Figures.columns(attribute.path("groups"), group -> {
                        for (JsonNode p : group.path("operating_points")) {
                            if (p.path("operating_point").asText().equals(name)) {
                                return new Proportion(p.path("correct").asLong(), p.path("decided").asLong());
                            }
                        }
                        return null;
                    })));
        }
        return verdicts;
    }
}
