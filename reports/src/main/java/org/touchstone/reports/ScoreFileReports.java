package org.touchstone.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.touchstone.reports.stats.StageTimes;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.reports.input.ScoreFile;
import org.touchstone.reports.input.VerificationRunSettings;
import org.touchstone.reports.rendering.RenderedReport;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.reports.verification.report.VerificationReport;

/**
 * The verification report of a score file made by any tool ({@code touchstone analyze}): the same
 * {@code metrics.json}, tables and figures a run directory gets, computed the same way, written into an
 * output directory. Score file formats are described in {@link ScoreFile}. There are no templates, so no
 * failure-to-enrol rates; failed comparisons (an empty score in the Touchstone format) follow the
 * {@code non-match} policy. Comparisons are clustered by subject id for the bootstrap.
 */
public final class ScoreFileReports {
    /** The FMR targets reported when none are given: 1e-1 down to 1e-6. */
    public static final List<Double> DEFAULT_FMR_TARGETS = List.of(0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001);

    /** The system id a score file's metrics.json names, which marks a folder as holding such a report. */
    static final String SYSTEM_ID = "score-file";

    private ScoreFileReports() {
    }

    /**
     * What to analyse.
     *
     * @param scores            the score file
     * @param format            its format
     * @param groups            subjects CSV ({@code subject_id}, then group columns), or null
     * @param fmrTargets        FMR targets, e.g. {@link #DEFAULT_FMR_TARGETS}
     * @param thresholds        named thresholds to report at (source e.g. {@code "user"}), may be empty
     * @param equivalenceMargin parity margin for TOST between groups, or NaN for none
     */
    public record Request(Path scores, ScoreFile.Format format, Path groups, List<Double> fmrTargets,
                          List<NamedThreshold> thresholds, double equivalenceMargin) {
        /**
         * @param scores            not null
         * @param format            not null
         * @param groups            may be null
         * @param fmrTargets        copied
         * @param thresholds        copied
         * @param equivalenceMargin in (0, 1) or NaN
         */
        public Request {
            Objects.requireNonNull(scores, "scores");
            Objects.requireNonNull(format, "format");
            fmrTargets = List.copyOf(fmrTargets);
            thresholds = List.copyOf(thresholds);
        }
    }

    /**
     * Reads the score file and writes its report.
     *
     * @param request what to analyse
     * @param outDir  where to write {@code metrics.json}, {@code tables/} and {@code figures/} (created)
     * @return the headline and the files written
     * @throws RunDirectoryException when an input line is malformed (naming file and line)
     * @throws OutputFolderException  when the folder holds a run or files other than a previous score-file
     *                                report (checked before anything is read or written)
     * @throws IOException           when a file cannot be read or written
     */
    public static ReportSummary generate(Request request, Path outDir) throws IOException {
        StageTimes.mark("JVM start to generate");
        ReportWriter.requireScoreFileReportFolder(outDir);
        // The card names the file by its hash: computed beside the analysis (a second read of a file the
        // analysis has just read, so from the page cache), rather than after it.
        FutureTask<String> scoresHash = new FutureTask<>(() -> sha256(request.scores()));
        Thread hashing = new Thread(scoresHash, "score-file-sha256");
        hashing.setDaemon(true);
        hashing.start();
        String name = request.scores().getFileName().toString();
        RenderedReport report;
        String scoresSha256;
        try {
            List<String> groupColumns = ScoreFile.groupColumns(request.groups());
            VerificationRunSettings settings = new VerificationRunSettings(null, request.fmrTargets(),
                    request.thresholds(), groupColumns, new VerificationRunSettings.SystemSummary(SYSTEM_ID, null, name,
                    request.format().label(), Double.NaN, Double.NaN), request.equivalenceMargin());
            report = VerificationReport.renderScoreFile(settings, request.scores(), request.format(), request.groups(),
                    outDir);
            scoresSha256 = joined(scoresHash);
        } finally {
            // When the analysis stops (a malformed line, an endless file such as /dev/zero) the hashing stops
            // too: interrupting closes the file's channel.
            scoresHash.cancel(true);
        }
        // No run.json: the card's provenance is the score file itself, named by its hash.
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Score file", name + ", SHA-256 " + scoresSha256);
        StageTimes.mark("score file hashed");
        facts.put("Format", request.format().label());
        if (request.groups() != null) {
            facts.put("Groups", request.groups().getFileName() + ", SHA-256 " + sha256(request.groups()));
        }
        facts.put("FMR targets", request.fmrTargets().toString());
        facts.put("Named thresholds", request.thresholds().isEmpty() ? "none" : String.join(", ",
                request.thresholds().stream().map(t -> t.name() + " = " + t.value()).toList()));
        facts.put("Equivalence margin", Double.isNaN(request.equivalenceMargin()) ? "none"
                : String.valueOf(request.equivalenceMargin()));
        ReportSummary summary = ReportWriter.write(report, outDir, dir -> ReportCard.renderScoreFile(dir, name, facts));
        StageTimes.mark("written (files, card)");
        StageTimes.drainTo(System.err::println);
        return summary;
    }

    private static String joined(FutureTask<String> hash) throws IOException {
        try {
            return hash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while hashing the score file");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("hashing the score file failed", e.getCause());
        }
    }

    private static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            // By hand rather than transferTo: the loop notices the interrupt of a cancelled hashing (reads of
            // an endless device such as /dev/zero never block, so nothing else would).
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("hashing " + file + " was cancelled");
                }
                digest.update(buffer, 0, read);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
