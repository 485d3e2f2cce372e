package org.touchstone.reports.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.touchstone.reports.card.ReportCard;
import org.touchstone.reports.card.SitePages;
import org.touchstone.reports.comparison.RunComparison;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.runjson.RunJson;
import org.touchstone.runformat.runjson.RunJsonFile;
import org.touchstone.runformat.runjson.RunStatus;

/**
 * Publishes runs as a static site: {@code index.html}; {@code runs/SLUG/} with each run's report card,
 * run.json, metrics.json and tables (the card links them); {@code boards/SLUG/index.html} per protocol version
 * and dataset, with {@code comparison/} holding the multi-run comparison (overlaid DET or CMC, McNemar) when
 * there are two runs or more. Nothing depends on the time or the machine, and runs are ordered by their
 * slugs, so publishing the same runs again gives the same bytes.
 */
public final class SitePublisher {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Who signed a run's run.json: the hook through which the signing step shows signers on the site.
     * {@link #UNSIGNED} until a run carries a signature.
     */
    @FunctionalInterface
    public interface Signatures {
        /**
         * @param runDir a run directory
         * @return the signer (e.g. a key's fingerprint), or empty when the run is not signed
         * @throws IOException when a signature exists but cannot be read
         */
        Optional<String> signer(Path runDir) throws IOException;
    }

    /** No run is signed. */
    public static final Signatures UNSIGNED = dir -> Optional.empty();

    /** The publisher's key file's name on the site. */
    public static final String PUBLISHER_KEY_FILE = "publisher-public-key.asc";

    /**
     * The key the publisher signs runs with, which the site carries so that readers can check the signatures.
     *
     * @param fingerprint its fingerprint
     * @param userId      its user ID
     * @param armoured    the public key file's bytes
     */
    public record PublisherKey(String fingerprint, String userId, byte[] armoured) {
    }

    private SitePublisher() {
    }

    /** A run cannot be published; the message says which and why. */
    public static final class PublishException extends Exception {
        private static final long serialVersionUID = 1L;

        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param runDirs    completed run directories
     * @param site       the folder to write (created; files of an earlier publication are overwritten)
     * @param signatures who signed each run
     * @return the files written, in order
     * @throws PublishException when a run is incomplete, or runs of one protocol and dataset cannot be compared
     * @throws IOException      when a file cannot be read or written
     */
    public static List<Path> publish(List<Path> runDirs, Path site, Signatures signatures)
            throws PublishException, IOException {
        return publish(runDirs, site, signatures, Optional.empty());
    }

    /**
     * @param runDirs    completed run directories
     * @param site       the folder to write (created; files of an earlier publication are overwritten)
     * @param signatures who signed each run
     * @param publisher  the publisher's key, which the site then carries ({@value #PUBLISHER_KEY_FILE})
     * @return the files written, in order
     * @throws PublishException when a run is incomplete, or runs of one protocol and dataset cannot be compared
     * @throws IOException      when a file cannot be read or written
     */
    public static List<Path> publish(List<Path> runDirs, Path site, Signatures signatures,
                                     Optional<PublisherKey> publisher) throws PublishException, IOException {
        List<Path> written = new ArrayList<>();
        Map<String, List<SitePages.Run>> byBoard = new TreeMap<>();
        Map<String, List<Path>> dirsByBoard = new TreeMap<>();
        Set<String> slugs = new LinkedHashSet<>();
        List<Path> sorted = new ArrayList<>(runDirs);
        sorted.sort(null);
        for (Path dir : sorted) {
            RunJsonFile.Read read = RunJsonFile.read(dir.resolve(RunJsonFile.NAME));
            RunJson run = read.run();
            if (run.status() != RunStatus.COMPLETE) {
                throw new PublishException(dir + ": the run is not complete; only complete runs are published", null);
            }
            String slug = unique(slugs, slug(Objects.toString(run.runId(), dir.getFileName().toString())));
            JsonNode metrics = JSON.readTree(dir.resolve("metrics.json").toFile());
            Path out = site.resolve("runs").resolve(slug);
            written.add(copy(dir.resolve(ReportCard.FILE), out.resolve(ReportCard.FILE)));
            written.add(copy(dir.resolve(RunJsonFile.NAME), out.resolve(RunJsonFile.NAME)));
            written.add(copy(dir.resolve("metrics.json"), out.resolve("metrics.json")));
            if (Files.isRegularFile(dir.resolve(RunFiles.RUN_JSON_SIGNATURE))) {
                // Beside run.json, so that a reader checks it: gpg --verify run.json.asc run.json.
                written.add(copy(dir.resolve(RunFiles.RUN_JSON_SIGNATURE), out.resolve(RunFiles.RUN_JSON_SIGNATURE)));
            }
            for (JsonNode table : metrics.path("tables")) {
                Path source = dir.resolve(table.asText()).normalize();
                if (source.startsWith(dir.normalize()) && Files.isRegularFile(source)) {
                    written.add(copy(source, out.resolve(table.asText())));
                }
            }
            String protocol = run.protocol() == null ? "?" : run.protocol().id() + "@" + run.protocol().version();
            String datasetSha = run.dataset() == null ? "" : Objects.toString(run.dataset().sha256(), "");
            String board = protocol + " " + datasetSha;
            byBoard.computeIfAbsent(board, b -> new ArrayList<>()).add(new SitePages.Run(slug,
                    run.system().name() + " " + Objects.toString(run.system().version(), ""),
                    Objects.toString(run.system().vendor(), ""), Objects.toString(run.runId(), ""), protocol,
                    run.protocol() == null ? "" : Objects.toString(run.protocol().sha256(), ""), datasetSha,
                    run.dataset() == null ? "" : run.dataset().spec() + " (" + run.dataset().samples() + " images of "
                            + run.dataset().subjects() + " subjects)",
                    run.harness() == null ? "" : "Touchstone " + run.harness().version(),
                    signatures.signer(dir).orElse(null), metrics));
            dirsByBoard.computeIfAbsent(board, b -> new ArrayList<>()).add(dir);
        }
        List<SitePages.Board> boards = new ArrayList<>();
        Set<String> boardSlugs = new LinkedHashSet<>();
        for (Map.Entry<String, List<SitePages.Run>> entry : byBoard.entrySet()) {
            SitePages.Run first = entry.getValue().get(0);
            String slug = unique(boardSlugs, slug(first.protocol() + "-" + first.datasetSha256()
                    .substring(0, Math.min(12, first.datasetSha256().length()))));
            Path boardDir = site.resolve("boards").resolve(slug);
            JsonNode comparison = null;
            List<Path> dirs = dirsByBoard.get(entry.getKey());
            if (dirs.size() >= 2) {
                try {
                    written.addAll(RunComparison.compare(dirs, boardDir.resolve("comparison")).written());
                } catch (RunComparison.IncompatibleRunsException e) {
                    throw new PublishException("cannot compare the runs of " + first.protocol() + ": " + e.getMessage(), e);
                }
                comparison = JSON.readTree(boardDir.resolve("comparison/comparison.json").toFile());
            }
            SitePages.Board b = new SitePages.Board(slug, first.protocol(), first.datasetSha256(), entry.getValue(),
                    comparison);
            boards.add(b);
            written.add(write(boardDir.resolve("index.html"), SitePages.board(b)));
        }
        if (publisher.isPresent()) {
            written.add(write(site.resolve(PUBLISHER_KEY_FILE), publisher.get().armoured()));
        }
        written.add(write(site.resolve("index.html"), SitePages.index(boards, publisher.map(key ->
                new SitePages.Publisher(key.fingerprint(), key.userId(), PUBLISHER_KEY_FILE)))));
        return written;
    }

    /** A folder name: lower case letters, digits, dots and dashes. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        s = s.replaceAll("^\\.+", "");
        return s.isEmpty() ? "run" : s;
    }

    private static String unique(Set<String> taken, String slug) {
        String candidate = slug;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = slug + "-" + i;
        }
        return candidate;
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    private static Path write(Path to, byte[] bytes) throws IOException {
        Files.createDirectories(to.getParent());
        Files.write(to, bytes);
        return to;
    }
}
