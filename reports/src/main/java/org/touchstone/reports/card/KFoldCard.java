package org.touchstone.reports.card;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * The report card's k-fold section, for runs of k-fold protocols (metrics.json has a {@code kfold} block):
 * the benchmark's number, mean accuracy +- standard error over folds, and the per-fold table beside the DET
 * of the pooled pairs, then how the number relates to what popular tools print. Self-contained, so the
 * card's other sections can change around it.
 */
final class KFoldCard {
    private KFoldCard() {
    }

    static void section(Html h, Path runDir, JsonNode metrics) throws IOException {
        JsonNode kfold = metrics.path("kfold");
        if (!kfold.isObject()) {
            return;
        }
        h.raw("<section class=\"kfold\">\n<h2>").text(kfold.path("folds").asInt() + "-fold verification accuracy")
                .raw("</h2>\n<p class=\"headline\"><strong>").text(String.format(Locale.ROOT, "%.2f%% \u00b1 %.2f%%",
                        100 * kfold.path("mean_accuracy").asDouble(), 100 * kfold.path("standard_error").asDouble()))
                .raw("</strong> ").text(String.format(Locale.ROOT, "mean accuracy \u00b1 standard error of the mean"
                        + " over %d folds (%d pairs)", kfold.path("folds").asInt(), kfold.path("pairs").asInt()))
                .raw("</p>\n<p class=\"note\">").text(kfold.path("procedure").asText()).raw("</p>\n");
        h.raw("<div style=\"display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start\">\n<div>\n<h3>Per fold"
                + " <span class=\"files\">(").text("tables/kfold-folds.csv").raw(")</span></h3>\n");
        Path folds = runDir.resolve("tables/kfold-folds.csv");
        if (Files.isRegularFile(folds)) {
            ReportCard.table(h, folds);
        }
        h.raw("</div>\n");
        Path det = runDir.resolve("figures/det.svg");
        if (Files.isRegularFile(det)) {
            h.raw("<figure style=\"flex:1;min-width:320px\">\n<img alt=\"DET of the pooled pairs\" src=\"data:image/svg+xml;base64,")
                    .raw(Base64.getEncoder().encodeToString(Files.readAllBytes(det)))
                    .raw("\">\n<figcaption>").text("DET of all pairs pooled (Touchstone's own numbers beside the"
                            + " benchmark's)").raw(" <span class=\"files\">(figures/det.svg)</span></figcaption>\n</figure>\n");
        }
        h.raw("</div>\n");
        Path groups = runDir.resolve("tables/kfold-groups.csv");
        if (Files.isRegularFile(groups)) {
            h.raw("<h3>Per group: at its own thresholds and at the global ones <span class=\"files\">(")
                    .text("tables/kfold-groups.csv").raw(")</span></h3>\n");
            ReportCard.table(h, groups);
        }
        h.raw("<details><summary>How this relates to the numbers other tools print</summary>\n<ul>\n");
        for (JsonNode line : kfold.path("relation_to_peers")) {
            h.raw("<li>").text(line.asText()).raw("</li>\n");
        }
        h.raw("</ul>\n</details>\n</section>\n");
    }
}
