package org.touchstone.reports.card;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.touchstone.reports.summary.DemographicVerdict;
import org.touchstone.reports.summary.Headline;
import org.touchstone.reports.summary.RunSummary;

/**
 * The pages of a published site ({@code touchstone publish}): an index, and per protocol and dataset a
 * leaderboard ranked by the headline figure with intervals, the overlaid curves, each system's demographic
 * verdict and provenance. Plain HTML and CSS: no script, no server, links relative, so the folder opens from
 * the file system or any static host. Every string from a run is escaped.
 */
public final class SitePages {
    private SitePages() {
    }

    /**
     * One published run, as read from its copied files.
     *
     * @param slug     its folder under {@code runs/}
     * @param title    system name and version
     * @param vendor   the vendor
     * @param runId    run.json's run id
     * @param protocol id@version
     * @param protocolSha256 the protocol text's SHA-256
     * @param datasetSha256  the manifest's SHA-256
     * @param dataset  how the dataset was named, with its size
     * @param harness  harness version
     * @param signer   who signed run.json, or null when it is not signed
     * @param metrics  its metrics.json
     */
    public record Run(String slug, String title, String vendor, String runId, String protocol, String protocolSha256,
                      String datasetSha256, String dataset, String harness, String signer, JsonNode metrics) {
        RunSummary summary() {
            return RunSummary.of(metrics);
        }
    }

    /**
     * One leaderboard: the runs of one protocol version on one dataset.
     *
     * @param slug       its folder under {@code boards/}
     * @param protocol   id@version
     * @param datasetSha256 the manifest's SHA-256
     * @param runs       its runs
     * @param comparison the comparison's comparison.json (folder {@code comparison/} beside the page), or null
     *                   for a single run
     */
    public record Board(String slug, String protocol, String datasetSha256, List<Run> runs, JsonNode comparison) {
    }

    /** One row of a leaderboard: a run and its ranking figure (null when the run lacks it). */
    private record Row(Run run, Headline figure) {
    }

    /**
     * @param boards the leaderboards
     * @return index.html
     */
    /**
     * The key the publisher signs runs with, as the index shows it.
     *
     * @param fingerprint its fingerprint
     * @param userId      its user ID
     * @param file        the key file's path on the site
     */
    public record Publisher(String fingerprint, String userId, String file) {
    }

    /**
     * @param boards the leaderboards
     * @return the index page
     */
    public static byte[] index(List<Board> boards) {
        return index(boards, java.util.Optional.empty());
    }

    /**
     * @param boards    the leaderboards
     * @param publisher the publisher's key, when the runs' signatures were checked against it
     * @return the index page, saying how to check the signatures when there is a key
     */
    public static byte[] index(List<Board> boards, java.util.Optional<Publisher> publisher) {
        Html h = start("Touchstone results", "");
        h.raw("<header>\n<p class=\"kicker\">Touchstone results</p>\n<h1>Leaderboards</h1>\n<p class=\"lede\">")
                .text("Results of " + boards.stream().mapToInt(b -> b.runs().size()).sum() + " runs on "
                        + boards.size() + " protocol and dataset combinations. Each system is ranked by its protocol's"
                        + " headline figure with its 95% interval; every run links to its full report card.")
                .raw("</p>\n</header>\n");
        for (Board board : boards) {
            h.raw("<section>\n<h2><a href=\"boards/").text(board.slug()).raw("/index.html\">")
                    .text(board.protocol()).raw("</a></h2>\n<p>").text("Dataset manifest SHA-256 "
                            + board.datasetSha256() + "; " + board.runs().size() + " systems.").raw("</p>\n");
            leaderboard(h, board, "../../runs/", "runs/");
            h.raw("</section>\n");
        }
        if (publisher.isPresent()) {
            Publisher key = publisher.get();
            h.raw("<section>\n<h2>Signatures</h2>\n<p>").text("Signed runs were signed by the publisher's OpenPGP key "
                    + key.fingerprint() + (key.userId().isEmpty() ? "" : " (" + key.userId() + ")")
                    + ", and their signatures were checked against it when this site was published. The key: ")
                    .raw("<a href=\"").text(key.file()).raw("\">").text(key.file()).raw("</a>. ")
                    .text("Each signed run's folder holds run.json, which records every file's SHA-256, and its "
                            + "signature run.json.asc: check one with gpg --import " + key.file()
                            + ", then gpg --verify run.json.asc run.json in that folder, or run touchstone verify "
                            + "RUN_DIR --public-key " + key.file() + " on the run directory.")
                    .raw("</p>\n</section>\n");
        }
        return end(h);
    }

    /**
     * @param board a leaderboard
     * @return boards/SLUG/index.html
     */
    public static byte[] board(Board board) {
        Html h = start("Touchstone leaderboard: " + board.protocol(), "");
        h.raw("<header>\n<p class=\"kicker\"><a href=\"../../index.html\">Touchstone results</a></p>\n")
                .element("h1", board.protocol()).raw("\n<p class=\"lede\">").text("Dataset manifest SHA-256 "
                        + board.datasetSha256() + ". Systems ranked by the headline figure; a system whose interval"
                        + " overlaps the one above it is marked tied.").raw("</p>\n</header>\n<section>\n<h2>Leaderboard</h2>\n");
        leaderboard(h, board, "", "../../runs/");
        h.raw("</section>\n");
        if (board.comparison() != null) {
            JsonNode comparison = board.comparison();
            for (JsonNode figure : comparison.path("figures")) {
                for (JsonNode file : figure.path("files")) {
                    if (file.asText().endsWith(".svg")) {
                        h.raw("<section>\n<h2>Curves</h2>\n<figure><img alt=\"").text(figure.path("caption").asText())
                                .raw("\" src=\"comparison/").text(file.asText()).raw("\"><figcaption>")
                                .text(figure.path("caption").asText()).raw("</figcaption></figure>\n</section>\n");
                    }
                }
            }
            h.raw("<section>\n<h2>Paired tests</h2>\n<p>McNemar's test on the very same trials, at the operating"
                    + " point the comparison names; p above 0.05 means the two systems are not separated.</p>\n<ul>\n");
            for (JsonNode test : comparison.path("paired_tests")) {
                double p = test.path("p_value").asDouble(Double.NaN);
                h.raw("<li>").text(test.path("first").asText() + " vs " + test.path("second").asText() + ", "
                        + test.path("error").asText() + " on " + test.path("n").asText() + " " + test.path("trials").asText()
                        + ": p = " + (Double.isFinite(p) ? String.format(java.util.Locale.ROOT, "%.3g", p) : "undefined")
                        + (p <= 0.05 ? " (different)" : " (tied: no significant difference)")).raw("</li>\n");
            }
            h.raw("</ul>\n<p><a href=\"comparison/comparison.html\">The full comparison</a>.</p>\n</section>\n");
        }
        h.raw("<section>\n<h2>Demographic summary</h2>\n");
        for (Run run : board.runs()) {
            h.raw("<h3>").text(run.title()).raw("</h3>\n<ul class=\"verdicts\">\n");
            List<DemographicVerdict> verdicts = run.summary().demographics();
            if (verdicts.isEmpty()) {
                h.raw("<li>No group columns in this run.</li>\n");
            }
            for (DemographicVerdict verdict : verdicts) {
                h.raw(verdict.significant() ? "<li class=\"significant\"><strong>" : "<li><strong>")
                        .text(verdict.measure()).raw(":</strong> ").text(verdict.sentence()).raw("</li>\n");
            }
            h.raw("</ul>\n");
        }
        h.raw("</section>\n<section>\n<h2>Provenance</h2>\n");
        for (Run run : board.runs()) {
            h.raw("<h3>").text(run.title()).raw("</h3>\n<dl class=\"facts\">\n");
            ReportCard.fact(h, "Vendor", run.vendor());
            ReportCard.fact(h, "Run", run.runId());
            ReportCard.fact(h, "Protocol", run.protocol() + ", SHA-256 " + run.protocolSha256());
            ReportCard.fact(h, "Dataset", run.dataset() + "; manifest SHA-256 " + run.datasetSha256());
            ReportCard.fact(h, "Harness", run.harness());
            // Filled by the signing step when the run carries a signature; until then every run says so.
            ReportCard.fact(h, "Signed by", run.signer() == null ? "not signed" : run.signer());
            h.raw("<dt>Files</dt><dd><a href=\"../../runs/").text(run.slug()).raw("/run.json\">run.json</a>, <a href=\"../../runs/")
                    .text(run.slug()).raw("/metrics.json\">metrics.json</a>, <a href=\"../../runs/").text(run.slug())
                    .raw("/report.html\">report card</a></dd>\n</dl>\n");
        }
        h.raw("</section>\n");
        return end(h);
    }

    /** The ranked table: rank, system, figure with interval and counts, tie mark, card link. */
    private static void leaderboard(Html h, Board board, String boardPrefix, String runPrefix) {
        List<Row> rows = new ArrayList<>();
        Headline reference = null;
        for (Run run : board.runs()) {
            Headline first = run.summary().first();
            if (first != null) {
                reference = first;
                break;
            }
        }
        for (Run run : board.runs()) {
            Headline figure = null;
            if (reference != null) {
                for (Headline candidate : run.summary().headlines()) {
                    if (candidate.key().equals(reference.key()) && candidate.measured()) {
                        figure = candidate;
                    }
                }
            }
            rows.add(new Row(run, figure));
        }
        boolean lowerIsBetter = reference == null || reference.lowerIsBetter();
        Comparator<Row> byValue = Comparator.comparingDouble(r -> r.figure().value());
        rows.sort(Comparator.<Row, Boolean>comparing(r -> r.figure() == null)
                .thenComparing((a, b) -> a.figure() == null || b.figure() == null ? 0
                        : (lowerIsBetter ? byValue : byValue.reversed()).compare(a, b))
                .thenComparing(r -> r.run().slug()));
        if (reference != null) {
            h.raw("<p>Ranked by <strong>").text(reference.label()).raw("</strong>: ").text((lowerIsBetter ? "lower" : "higher")
                    + " is better. A system whose 95% interval overlaps the one ranked above it is tied with it and"
                    + " shares its rank: the data do not separate them.").raw("</p>\n");
        }
        h.raw("<div class=\"table\"><table class=\"board\">\n<thead><tr><th>Rank</th><th>System</th><th>")
                .text(reference == null ? "Headline" : reference.label()).raw("</th><th>95% interval</th><th>Counts</th>"
                        + "<th>Report card</th></tr></thead>\n<tbody>\n");
        int rank = 0;
        Row above = null;
        for (Row row : rows) {
            boolean tied = above != null && row.figure() != null && above.figure() != null
                    && row.figure().hasInterval() && above.figure().hasInterval()
                    && row.figure().lower() <= above.figure().upper() && above.figure().lower() <= row.figure().upper();
            if (!tied) {
                rank++;
            }
            Headline f = row.figure();
            h.raw("<tr><td data-label=\"Rank\">").text(row.figure() == null ? "-" : rank + (tied ? " (tied)" : ""))
                    .raw("</td><td data-label=\"System\">").text(row.run().title() + " (" + row.run().vendor() + ")")
                    .raw("</td><td data-label=\"").text(reference == null ? "Headline" : reference.label()).raw("\"><strong>").text(f == null ? "not measured" : f.valueText())
                    .raw("</strong></td><td data-label=\"95% interval\">").text(f == null ? "" : f.intervalText())
                    .raw("</td><td data-label=\"Counts\">").text(f == null ? "" : f.countText())
                    .raw("</td><td data-label=\"Report card\"><a href=\"").text(runPrefix + row.run().slug() + "/report.html")
                    .raw("\">card</a></td></tr>\n");
            above = row;
        }
        h.raw("</tbody></table></div>\n");
    }

    private static Html start(String title, String unused) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text(title).raw("</title>\n<style>").raw(ReportCard.CSS)
                .raw("</style>\n</head>\n<body>\n<main>\n");
        return h;
    }

    private static byte[] end(Html h) {
        h.raw("</main>\n</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }
}
