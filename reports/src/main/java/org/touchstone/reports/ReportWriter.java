package org.touchstone.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.reports.verification.report.VerificationReport;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.runjson.RunJsonFile;

/**
 * Writes a rendered report into a directory. Each file is written under a temporary name and renamed into
 * place ({@link AtomicFiles}); the old {@code metrics.json} (and report card) is removed before the first
 * file is replaced and the new one is written last, so a {@code metrics.json} with its final name is never
 * partial and always belongs with the tables and figures beside it. The previous report's tables and
 * figures that this one does not write again are removed. Generating twice into one directory at once is
 * unsupported.
 */
final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Writes a rendered report as the class comment describes, then the report card when asked.
     *
     * @param report the report
     * @param dir    the directory (created when missing)
     * @param run    the run whose report card ({@value ReportCard#FILE}) to render from the files written, or
     *               empty for none
     * @return the headline and the files written
     * @throws IOException when a file cannot be written
     */
    static ReportSummary write(RenderedReport report, Path dir, Optional<RunJsonFile.Read> run) throws IOException {
        return write(report, dir, run.isEmpty() ? null : d -> ReportCard.render(d, run.get()));
    }

    /** Renders a report card from the files written into a directory. */
    interface CardRenderer {
        byte[] render(Path dir) throws IOException;
    }

    /**
     * Writes a rendered report, then the report card the renderer makes of it.
     *
     * @param card renders the card from the files written; null for none
     */
    static ReportSummary write(RenderedReport report, Path dir, CardRenderer card) throws IOException {
        Set<String> previous = previousReportFiles(dir);
        // From here on the old report is replaced: remove its metrics.json first, so that a metrics.json
        // never stands beside tables and figures newer than itself if writing stops half-way.
        Files.deleteIfExists(dir.resolve(MetricsJson.FILE));
        Files.deleteIfExists(dir.resolve(ReportCard.FILE));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : report.files().entrySet()) {
            written.add(writeAtomically(dir.resolve(file.getKey()), file.getValue()));
        }
        removeStaleFiles(dir, previous, report.files().keySet());
        if (card != null) {
            written.add(writeAtomically(dir.resolve(ReportCard.FILE), card.render(dir)));
        }
        return new ReportSummary(report.headline(), written);
    }

    private static Path writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, bytes);
        return target.toAbsolutePath();
    }

    /**
     * The tables and figures the previous report listed in its metrics.json, if there is a readable one,
     * and the verification figures whatever it says: those not written again must not survive (a figure of
     * a group column or an attribute no longer evaluated, the tables of another capability).
     */
    private static Set<String> previousReportFiles(Path runDir) {
        Set<String> files = new TreeSet<>();
        for (String name : VerificationReport.FIGURE_NAMES) {
            files.add("figures/" + name + ".svg");
            files.add("figures/" + name + ".png");
        }
        try {
            JsonNode metrics = new ObjectMapper().readTree(runDir.resolve(MetricsJson.FILE).toFile());
            metrics.path("tables").forEach(table -> files.add(table.asText()));
            metrics.path("figures").forEach(figure -> figure.path("files").forEach(file -> files.add(file.asText())));
        } catch (IOException | RuntimeException e) {
            // No previous report, or a damaged one: nothing more is known to be stale.
        }
        return files;
    }

    /** Deletes the previous report's files that this one did not write, only ever below tables/ and figures/. */
    private static void removeStaleFiles(Path runDir, Set<String> previous, Set<String> written) throws IOException {
        Path root = runDir.toAbsolutePath().normalize();
        for (String name : previous) {
            Path file = root.resolve(name).normalize();
            boolean ours = file.startsWith(root.resolve("tables")) || file.startsWith(root.resolve("figures"));
            if (ours && !written.contains(name)) {
                Files.deleteIfExists(file);
            }
        }
    }
}
