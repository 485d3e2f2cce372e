package org.touchstone.reports.card;

import java.util.List;
import org.touchstone.reports.summary.DemographicVerdict;
import org.touchstone.reports.summary.Headline;
import org.touchstone.reports.summary.RunSummary;

/**
 * The summary at the top of every report card: the headline figures large, each with its interval, counts and
 * one plain sentence; the other figures as a list; the operating points the data cannot support; the
 * demographic verdict. It is the first screen, so it answers "how well did it do?" before any method text.
 */
final class SummaryCard {
    private SummaryCard() {
    }

    static void render(Html h, RunSummary summary) {
        h.raw("<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n");
        if (summary.headlines().isEmpty()) {
            h.raw("<p>No headline figure: the report has no measured result.</p>\n</section>\n");
            return;
        }
        h.raw("<div class=\"tiles\">\n");
        for (Headline figure : summary.prominent()) {
            h.raw("<div class=\"tile\" data-key=\"").text(figure.key()).raw("\">\n<p class=\"what\">")
                    .text(figure.label()).raw("</p>\n<p class=\"value\">").text(figure.valueText()).raw("</p>\n");
            String detail = join(figure.intervalText(), figure.countText());
            if (!detail.isEmpty()) {
                h.raw("<p class=\"ci\">").text(detail).raw("</p>\n");
            }
            h.raw("<p class=\"say\">").text(figure.sentence()).raw("</p>\n</div>\n");
        }
        h.raw("</div>\n");
        List<Headline> secondary = summary.secondary();
        if (!secondary.isEmpty()) {
            h.raw("<h3>Other operating points</h3>\n<ul class=\"more\">\n");
            for (Headline figure : secondary) {
                // The sentence holds value, interval and counts already.
                h.raw("<li><strong>").text(figure.label() + ":").raw("</strong> ").text(figure.sentence())
                        .raw("</li>\n");
            }
            h.raw("</ul>\n");
        }
        List<Headline> missing = summary.notMeasured();
        if (!missing.isEmpty()) {
            h.raw("<h3>What the data cannot support</h3>\n<ul class=\"unsupported-points\">\n");
            for (Headline figure : missing) {
                h.raw("<li>").text(figure.sentence()).raw("</li>\n");
            }
            h.raw("</ul>\n");
        }
        if (!summary.demographics().isEmpty()) {
            h.raw("<h3>Demographic differences</h3>\n<ul class=\"verdicts\">\n");
            for (DemographicVerdict verdict : summary.demographics()) {
                h.raw(verdict.significant() ? "<li class=\"significant\"><strong>" : "<li><strong>")
                        .text(verdict.measure()).raw(":</strong> ").text(verdict.sentence()).raw("</li>\n");
            }
            h.raw("</ul>\n");
        }
        h.raw("</section>\n");
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
