package org.touchstone.reports.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The report of {@code touchstone bench}: {@value #FILE}, in the report card's style, and the same table
 * as text for the console, both from the folder's {@value #JSON} and {@value #TABLE} alone, with every
 * number shown as the report card shows it (so the console and the page agree cell for cell).
 */
public final class BenchCard {
    /** The page written beside the results. */
    public static final String FILE = "bench.html";
    /** The results, settings, system and machine. */
    public static final String JSON = "bench.json";
    /** The table of results. */
    public static final String TABLE = "bench.csv";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchCard() {
    }

    /**
     * Writes {@value #FILE} into a bench folder.
     *
     * @param dir a folder holding {@value #JSON} and {@value #TABLE}
     * @return the page written
     * @throws IOException if a file cannot be read or written
     */
    public static Path write(Path dir) throws IOException {
        Path page = dir.resolve(FILE);
        Files.write(page, render(dir));
        return page;
    }

    /**
     * @param dir a folder holding {@value #JSON} and {@value #TABLE}
     * @return the page, UTF-8
     * @throws IOException if a file cannot be read
     */
    public static byte[] render(Path dir) throws IOException {
        JsonNode bench = MAPPER.readTree(dir.resolve(JSON).toFile());
        JsonNode system = bench.path("system");
        JsonNode settings = bench.path("settings");
        String title = system.path("name").asText("?") + " " + system.path("version").asText("");
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text("Touchstone benchmark: " + title).raw("</title>\n")
                .raw("<style>").raw(ReportCard.CSS).raw("</style>\n</head>\n<body>\n<main>\n")
                .raw("<header>\n<p class=\"kicker\">Touchstone benchmark</p>\n").element("h1", title).raw("\n")
                .raw("<dl class=\"facts\">\n");
        ReportCard.fact(h, "System", system.path("vendor").asText("") + " " + title + " (" + system.path("spec").asText("")
                + "), SHA-256 of its code " + system.path("artifact").path("sha256").asText(""));
        JsonNode env = bench.path("environment");
        ReportCard.fact(h, "Machine", env.path("cpu").asText("") + ", " + env.path("cores").asText("") + " cores; "
                + env.path("os").asText("") + "; " + env.path("java").asText(""));
        ReportCard.fact(h, "Method", "JMH, " + settings.path("forks").asText() + " fork(s) of -Xmx "
                + (settings.path("fork_max_heap_bytes").asLong() >> 20) + " MiB; per fork "
                + settings.path("warmup_iterations").asText() + " warm-up iterations of "
                + settings.path("warmup_seconds").asText() + " s, then " + settings.path("iterations").asText()
                + " measured iterations of " + settings.path("iteration_seconds").asText() + " s");
        ReportCard.fact(h, "Data", settings.path("images").asText() + " images of " + settings.path("dataset").asText("")
                + "; templates of " + bench.path("template_size_bytes").asText("?") + " bytes");
        ReportCard.fact(h, "Harness", "Touchstone " + bench.path("harness").path("version").asText("") + ", "
                + bench.path("started").asText("") + " to " + bench.path("finished").asText(""));
        h.raw("</dl>\n</header>\n<section>\n<h2>How to read this</h2>\n<p>Each row is the mean time of one operation"
                + " on one thread (<code>mean ns</code>, with the half-width of its 99.9% interval), and the operations"
                + " per second of all threads together. A comparison is one of a <code>compareMany</code> call's ")
                .text(settings.path("comparison_block").asText()).raw(" and a search one of a <code>searchMany</code>"
                        + " call's ").text(settings.path("search_block").asText())
                .raw(" probes (asking for ").text(settings.path("candidates").asText())
                .raw(" candidates), as the runner calls them. Galleries enrol the templates of the few images under"
                        + " many ids: an exact search costs the same whatever the templates hold. In-process systems"
                        + " are timed without the deadline the runner puts on each call. Measured on a machine under"
                        + " whatever load it had: compare only with results from the same machine.</p>\n</section>\n");
        h.raw("<section>\n<h2>Results</h2>\n<h3>Operations <span class=\"files\">(").text(TABLE).raw(")</span></h3>\n");
        ReportCard.table(h, dir.resolve(TABLE));
        notMeasured(h, "Skipped", bench.path("skipped"));
        notMeasured(h, "Failed", bench.path("failed"));
        h.raw("</section>\n<section>\n<h2>Provenance</h2>\n<details><summary>").text(JSON)
                .raw("</summary>\n<pre>").text(MAPPER.writeValueAsString(bench)).raw("</pre>\n</details>\n</section>\n")
                .raw("</main>\n</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void notMeasured(Html h, String heading, JsonNode entries) {
        if (!entries.isArray() || entries.isEmpty()) {
            return;
        }
        h.raw("<h3>").text(heading).raw("</h3>\n<ul>\n");
        for (JsonNode e : entries) {
            h.raw("<li>").text(label(e) + ": " + e.path("reason").asText("")).raw("</li>\n");
        }
        h.raw("</ul>\n");
    }

    private static String label(JsonNode e) {
        return e.path("operation").asText() + (e.path("gallery_size").isNull() ? ""
                : String.format(" (gallery %,d)", e.path("gallery_size").asLong())) + " x " + e.path("threads").asText()
                + " thread(s)";
    }

    /**
     * The results table as text, one line per row, with the page's column names and numbers, then the
     * measurements skipped or failed.
     *
     * @param dir a folder holding {@value #JSON} and {@value #TABLE}
     * @return the lines
     * @throws IOException if a file cannot be read
     */
    public static List<String> text(Path dir) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(TABLE), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            cells.add(header.stream().map(c -> c.replace('_', ' ')).toList());
            for (CSVRecord r : parser) {
                List<String> row = new ArrayList<>();
                for (String column : header) {
                    String value = r.get(column);
                    row.add(value.isEmpty() ? "-" : ReportCard.isNumber(value) ? ReportCard.number(value) : value);
                }
                cells.add(row);
            }
        }
        int[] widths = new int[cells.get(0).size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean left = i < 2;
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(left ? cell + pad : pad + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        JsonNode bench = MAPPER.readTree(dir.resolve(JSON).toFile());
        for (String kind : List.of("skipped", "failed")) {
            for (JsonNode e : bench.path(kind)) {
                lines.add(kind + ": " + label(e) + ": " + e.path("reason").asText(""));
            }
        }
        return lines;
    }
}
