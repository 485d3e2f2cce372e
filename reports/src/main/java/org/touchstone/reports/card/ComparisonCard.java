package org.touchstone.reports.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The HTML page of a multi-system comparison ({@value #FILE}), rendered like a run's report card from
 * the comparison's files alone: the runs compared, the overlaid curves, the leaderboard and the paired
 * tests. Every string from a run is escaped.
 */
public final class ComparisonCard {
    /** The file written into the comparison folder. */
    public static final String FILE = "comparison.html";

    private ComparisonCard() {
    }

    /**
     * @param dir a comparison folder holding comparison.json and the tables and figures it lists
     * @return the HTML, UTF-8
     * @throws IOException if a file cannot be read
     */
    public static byte[] render(Path dir) throws IOException {
        JsonNode comparison = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text("Touchstone comparison: " + comparison.path("protocol").asText()).raw("</title>\n")
                .raw("<style>").raw(ReportCard.CSS).raw("</style>\n</head>\n<body>\n<main>\n")
                .raw("<header>\n<p class=\"kicker\">Touchstone comparison</p>\n")
                .element("h1", comparison.path("runs").size() + " systems on " + comparison.path("protocol").asText())
                .raw("\n<dl class=\"facts\">\n<dt>Protocol</dt><dd>").text(comparison.path("protocol").asText())
                .raw("</dd>\n<dt>Dataset</dt><dd>manifest SHA-256 ").text(comparison.path("dataset_sha256").asText())
                .raw("</dd>\n");
        for (JsonNode run : comparison.path("runs")) {
            h.raw("<dt>Run</dt><dd>").text(run.path("system").asText() + ", run " + run.path("run_id").asText())
                    .raw("</dd>\n");
        }
        h.raw("</dl>\n</header>\n<section>\n<h2>How to read this comparison</h2>\n<p>Every run used the same protocol"
                + " version on the same dataset, so their trials are the same. The leaderboard ranks the systems by the"
                + " protocol's headline operating point, each with its 95% interval; overlapping intervals do not"
                + " separate two systems. The paired tests (McNemar) count the trials on which exactly one of two"
                + " systems erred: only they say whether the difference is more than chance.</p>\n</section>\n");
        ReportCard.figures(h, dir, comparison);
        ReportCard.tables(h, dir, comparison);
        h.raw("</main>\n</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }
}
