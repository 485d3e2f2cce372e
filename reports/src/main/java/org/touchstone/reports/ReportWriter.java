package org.touchstone.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.reports.verification.report.VerificationReport;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.io.ContainedPaths;
import org.touchstone.runformat.io.OutsideFolderException;
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
        // Every file about to be written or deleted is checked before the first is touched: none may lie
        // outside the folder or behind a symbolic link (a figures/ linked elsewhere must not have its target
        // overwritten or emptied), and a refused report leaves the folder as it was.
        Path metrics = ContainedPaths.resolveForWriting(dir, MetricsJson.FILE);
        Path cardFile = ContainedPaths.resolveForWriting(dir, ReportCard.FILE);
        Map<String, Path> targets = new LinkedHashMap<>();
        for (String name : report.files().keySet()) {
            targets.put(name, ContainedPaths.resolveForWriting(dir, name));
        }
        List<Path> stale = staleFiles(dir, previous, report.files().keySet());
        // From here on the old report is replaced: remove its metrics.json first, so that a metrics.json
        // never stands beside tables and figures newer than itself if writing stops half-way.
        Files.deleteIfExists(metrics);
        Files.deleteIfExists(cardFile);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : report.files().entrySet()) {
            written.add(writeAtomically(targets.get(file.getKey()), file.getValue()));
        }
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
        if (card != null) {
            written.add(writeAtomically(cardFile, card.render(dir)));
        }
        return new ReportSummary(report.headline(), written);
    }

    /**
     * Refuses an output folder for a score file's report ({@code analyze --out}) unless it is missing, empty,
     * or holds exactly a previous score-file report: its metrics.json and the tables and figures that
     * metrics.json lists. A run directory, a user's own files, or a metrics.json of anything else is never
     * overwritten or deleted.
     *
     * @param dir the output folder
     * @throws OutputFolderException if the folder holds anything else
     * @throws IOException           if it cannot be read
     */
    static void requireScoreFileReportFolder(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new OutputFolderException(dir + " is not a folder; choose another --out");
        }
        List<String> present = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                if (Files.isSymbolicLink(p)) {
                    throw new OutputFolderException(dir + " holds the symbolic link " + dir.relativize(p)
                            + "; choose another --out (Touchstone never writes through a link)");
                }
                if (!Files.isDirectory(p)) {
                    present.add(dir.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        if (present.isEmpty()) {
            return;
        }
        if (present.contains(RunJsonFile.NAME)) {
            throw new OutputFolderException(dir + " is a run directory (it holds " + RunJsonFile.NAME + "); choose"
                    + " another --out: a score file's report would replace the run's own metrics, tables and"
                    + " figures");
        }
        if (!isScoreFileReport(dir.resolve(MetricsJson.FILE))) {
            throw new OutputFolderException(dir + " already holds files that are not a score file's report ("
                    + String.join(", ", present.stream().limit(5).toList()) + (present.size() > 5 ? ", ..." : "")
                    + "); choose a new or empty folder for --out");
        }
        Set<String> ours = previousReportFiles(dir);
        ours.add(MetricsJson.FILE);
        ours.add(ReportCard.FILE); // analyze writes a report card too
        List<String> others = present.stream().filter(f -> !ours.contains(f) && !AtomicFiles.isPartial(f)).toList();
        if (!others.isEmpty()) {
            throw new OutputFolderException(dir + " holds a score file's report and also files it did not write ("
                    + String.join(", ", others.stream().limit(5).toList()) + (others.size() > 5 ? ", ..." : "")
                    + "); choose a new or empty folder for --out");
        }
    }

    private static boolean isScoreFileReport(Path metrics) {
        try {
            JsonNode node = new ObjectMapper().readTree(metrics.toFile());
            return node != null && MetricsJson.FORMAT.equals(node.path("format").asText())
                    && ScoreFileReports.SYSTEM_ID.equals(node.path("system").path("id").asText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
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

    /**
     * The previous report's files that this one does not write, to delete: only ever below tables/ and
     * figures/, never through a symbolic link.
     */
    private static List<Path> staleFiles(Path runDir, Set<String> previous, Set<String> written)
            throws OutsideFolderException {
        Path root = runDir.toAbsolutePath().normalize();
        List<Path> stale = new ArrayList<>();
        for (String name : previous) {
            Path file;
            try {
                file = root.resolve(name).normalize();
            } catch (InvalidPathException e) {
                continue;
            }
            boolean ours = file.startsWith(root.resolve("tables")) || file.startsWith(root.resolve("figures"));
            if (ours && !written.contains(name) && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                ContainedPaths.requireNoLinkBelow(root, file);
                stale.add(file);
            }
        }
        return stale;
    }
}
