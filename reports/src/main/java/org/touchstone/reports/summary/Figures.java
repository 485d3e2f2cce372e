package org.touchstone.reports.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.Proportion;

/** Reading metrics.json's rate blocks ({@code x}, {@code x_ci95}, counts) into headlines and group columns. */
final class Figures {
    private Figures() {
    }

    /** The words of a rate's sentence: value, interval and counts, already formatted. */
    interface Sentence {
        String say(String value, String interval, String counts);
    }

    /**
     * A measured rate from a block holding {@code <rate>}, {@code <rate>_ci95} and two count fields; undefined
     * when there are no trials.
     */
    static Headline rate(String metric, Map<String, String> at, String label, JsonNode block, String rate,
                         String events, String trials, boolean lowerIsBetter, boolean prominent, Sentence sentence) {
        Proportion p = new Proportion(block.path(events).asLong(), block.path(trials).asLong());
        return of(metric, at, label, p, lowerIsBetter, prominent, sentence);
    }

    /** A measured rate from counts; its interval is Clopper-Pearson's, as everywhere in metrics.json. */
    static Headline of(String metric, Map<String, String> at, String label, Proportion p, boolean lowerIsBetter,
                       boolean prominent, Sentence sentence) {
        if (!p.isDefined()) {
            return new Headline(metric, at, label, Headline.Status.UNDEFINED, Double.NaN, Double.NaN, Double.NaN,
                    p.events(), p.trials(), true, lowerIsBetter, prominent, label + " is undefined: no trial.");
        }
        ConfidenceInterval ci = p.ci95();
        String value = Text.percent(p.rate());
        String interval = "95% CI " + Text.percentRange(ci.lower(), ci.upper());
        String counts = Text.count(p.events()) + " of " + Text.count(p.trials());
        return new Headline(metric, at, label, Headline.Status.MEASURED, p.rate(), ci.lower(), ci.upper(), p.events(),
                p.trials(), true, lowerIsBetter, prominent, sentence.say(value, interval, counts));
    }

    /** An operating point the data cannot support. */
    static Headline unsupported(String metric, Map<String, String> at, String label, String why) {
        return new Headline(metric, at, label, Headline.Status.UNSUPPORTED, Double.NaN, Double.NaN, Double.NaN, -1, -1,
                true, true, false, label + " cannot be measured: " + why + ".");
    }

    /** An operating point without a value (e.g. no threshold could be set). */
    static Headline undefined(String metric, Map<String, String> at, String label, String why) {
        return new Headline(metric, at, label, Headline.Status.UNDEFINED, Double.NaN, Double.NaN, Double.NaN, -1, -1,
                true, true, false, label + " is undefined: " + why + ".");
    }

    /** Failure to enrol over every template of every role (the {@code failure_to_enrol} list). */
    static Headline failureToEnrol(JsonNode list) {
        long failed = 0;
        long templates = 0;
        for (JsonNode role : list) {
            failed += role.path("failed_templates").asLong();
            templates += role.path("templates").asLong();
        }
        return of("fte", Map.of(), "Failure to enrol", new Proportion(failed, templates), true, true,
                (v, ci, n) -> "The system could not make a template from " + v + " of the images it was given ("
                        + n + "; " + ci + ").");
    }

    /**
     * The single group columns of a {@code groups} list (intersections such as {@code sex x skin_tone} left
     * out), each group's rate read by {@code rateOf} from the group's block.
     */
    static List<DemographicVerdict.Column> columns(JsonNode groupings, java.util.function.Function<JsonNode, Proportion> rateOf) {
        List<DemographicVerdict.Column> columns = new ArrayList<>();
        for (JsonNode grouping : groupings) {
            if (grouping.path("group_columns").size() > 1 || grouping.path("group_column").asText().contains(" x ")
                    || grouping.path("group_column").asText().contains(" & ")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<Proportion> rates = new ArrayList<>();
            for (JsonNode group : grouping.path("groups")) {
                Proportion p = rateOf.apply(group);
                if (p != null) {
                    names.add(group.path("group").asText());
                    rates.add(p);
                }
            }
            columns.add(new DemographicVerdict.Column(grouping.path("group_column").asText(), names, rates));
        }
        return columns;
    }

    /** The element of an array whose numeric {@code field} equals {@code value}; missing node when none. */
    static JsonNode find(JsonNode array, String field, double value) {
        for (JsonNode node : array) {
            if (node.path(field).isNumber() && node.path(field).asDouble() == value) {
                return node;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
