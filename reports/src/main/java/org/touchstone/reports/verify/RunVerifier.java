package org.touchstone.reports.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.Optional;
import org.touchstone.reports.RunReports;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.io.ContainedPaths;
import org.touchstone.runformat.io.OutsideFolderException;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runformat.runjson.RunJson;
import org.touchstone.runformat.runjson.RunJsonFile;
import org.touchstone.runformat.runjson.RunStatus;
import org.touchstone.runformat.signing.DetachedSignature;
import org.touchstone.runformat.signing.OpenPgpException;
import org.touchstone.runformat.signing.RunSignature;

/**
 * Tamper evidence for a published run: checks every file of a run directory against the SHA-256 its
 * run.json records, then recomputes the whole report from the raw files in a scratch copy and compares
 * it, byte for byte, with the report in the directory. For metrics.json it names each number that
 * differs, so a reader sees which claims a change would alter. Given the signer's public key, it also checks
 * the OpenPGP signature over run.json ({@link RunSignature}): without it, whoever edits a score can rewrite
 * the hashes too.
 */
public final class RunVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunVerifier() {
    }

    /**
     * What verification found.
     *
     * @param filesChecked files whose hash was checked
     * @param recomputed   report files recomputed and compared
     * @param problems     every difference, one line each, naming the file (and for metrics.json the value)
     * @param signer       who signed run.json, when a public key was given and the signature holds
     */
    public record Verdict(int filesChecked, int recomputed, List<String> problems,
            Optional<DetachedSignature.Signer> signer) {
        /** @return true when nothing differs */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param runDir a completed run directory
     * @return the verdict
     * @throws IOException if the directory cannot be read
     */
    public static Verdict verify(Path runDir) throws IOException {
        return verify(runDir, Optional.empty());
    }

    /**
     * @param runDir    a completed run directory
     * @param publicKey when present, the file of the public key(s) run.json must be signed by
     * @return the verdict; an absent, foreign or broken signature is a problem
     * @throws IOException if the directory or the key file cannot be read
     */
    public static Verdict verify(Path runDir, Optional<Path> publicKey) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.exists(runDir.resolve(RunJsonFile.NAME))) {
            // Not a run at all (a typo, the wrong folder): bad input, not a run that fails verification.
            RunJsonFile.read(runDir.resolve(RunJsonFile.NAME));
        }
        Optional<DetachedSignature.Signer> signer = Optional.empty();
        if (publicKey.isPresent()) {
            try {
                signer = Optional.of(RunSignature.verify(runDir, publicKey.get()));
            } catch (OpenPgpException e) {
                problems.add(e.getMessage());
            }
        }
        int checked = checkRecordedFiles(runDir, problems);
        if (checked < 0) {
            return new Verdict(0, 0, List.copyOf(problems), signer);
        }
        int recomputed = recompute(runDir, problems);
        return new Verdict(checked, recomputed, List.copyOf(problems), signer);
    }

    /**
     * The first half of {@link #verify(Path)}: every file against the SHA-256 run.json records, and no file
     * it does not record, without recomputing the report. For a report just regenerated from the raw files
     * ({@code touchstone report}), recomputing it again would only repeat the same computation.
     *
     * @param runDir a completed run directory
     * @return the verdict ({@code recomputed} is 0)
     * @throws IOException if the directory cannot be read
     */
    public static Verdict checkHashes(Path runDir) throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = checkRecordedFiles(runDir, problems);
        return new Verdict(Math.max(0, checked), 0, List.copyOf(problems), Optional.empty());
    }

    /** Checks the recorded hashes and the file set; returns the files checked, or -1 when run.json is unreadable. */
    private static int checkRecordedFiles(Path runDir, List<String> problems) throws IOException {
        RunJson run;
        try {
            run = RunJsonFile.read(runDir.resolve(RunJsonFile.NAME)).run();
        } catch (RunDirectoryException e) {
            problems.add(RunJsonFile.NAME + ": not a run this Touchstone can read: " + e.getMessage());
            return -1;
        }
        if (run.status() != RunStatus.COMPLETE) {
            problems.add("run.json: status is '" + (run.status() == null ? "" : run.status().text())
                    + "', not 'complete'");
        }
        Map<String, String> recorded = new TreeMap<>(run.files() == null ? Map.of() : run.files());
        if (recorded.isEmpty()) {
            problems.add("run.json: records no file hashes");
        }
        for (Map.Entry<String, String> e : recorded.entrySet()) {
            Path file;
            try {
                // run.json is input like any other: a name it records is read only inside the run directory.
                file = ContainedPaths.resolveForReading(runDir, e.getKey());
            } catch (OutsideFolderException outside) {
                problems.add(e.getKey() + ": not read, outside the run directory (" + outside.getMessage() + ")");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                problems.add(e.getKey() + ": missing (run.json records it)");
            } else {
                String actual = Sha256.hex(file);
                if (!actual.equals(e.getValue())) {
                    problems.add(e.getKey() + ": SHA-256 " + actual + " differs from the " + e.getValue()
                            + " run.json records");
                }
            }
        }
        for (String link : symbolicLinks(runDir)) {
            problems.add(link + ": a symbolic link; a run directory holds only its own files, so it is not followed");
        }
        for (String present : relativeFiles(runDir)) {
            if (!present.equals(RunJsonFile.NAME) && !present.equals(RunFiles.RUN_JSON_SIGNATURE) && !recorded.containsKey(present)) {
                problems.add(present + ": not recorded in run.json");
            }
        }
        return recorded.size();
    }

    /** Regenerates the report from the raw files in a scratch copy and compares every output. */
    private static int recompute(Path runDir, List<String> problems) throws IOException {
        Path scratch = Files.createTempDirectory("touchstone-verify-");
        try {
            for (String file : relativeFiles(runDir)) {
                if (!RunReports.isReportOutput(file)) {
                    Path target = scratch.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.copy(runDir.resolve(file), target);
                }
            }
            try {
                RunReports.generate(scratch);
            } catch (RunDirectoryException e) {
                problems.add("the raw files no longer make a valid run: " + e.getMessage());
                return 0;
            }
            int compared = 0;
            for (String file : relativeFiles(scratch)) {
                if (!RunReports.isReportOutput(file)) {
                    continue;
                }
                compared++;
                Path original = runDir.resolve(file);
                if (!Files.isRegularFile(original, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(file + ": recomputed from the raw files, but missing from the run directory");
                } else if (!java.util.Arrays.equals(Files.readAllBytes(original), Files.readAllBytes(scratch.resolve(file)))) {
                    problems.add(file + ": differs from what the raw files give when recomputed");
                    if (file.endsWith(".json")) {
                        List<String> values = new ArrayList<>();
                        diff("", JSON.readTree(original.toFile()), JSON.readTree(scratch.resolve(file).toFile()), file,
                                values);
                        values.sort(Comparator.comparingInt(RunVerifier::priority));
                        values.stream().limit(MAX_VALUES_LISTED).forEach(problems::add);
                        if (values.size() > MAX_VALUES_LISTED) {
                            problems.add("  " + file + ": and " + (values.size() - MAX_VALUES_LISTED)
                                    + " more values differ");
                        }
                    }
                }
            }
            for (String file : relativeFiles(runDir)) {
                if (RunReports.isReportOutput(file) && !Files.exists(scratch.resolve(file))) {
                    problems.add(file + ": in the run directory, but the raw files do not produce it");
                }
            }
            return compared;
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<String> symbolicLinks(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isSymbolicLink).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Differing values listed per file; the rest are counted. */
    private static final int MAX_VALUES_LISTED = 40;
    /** The headline numbers, listed first when values differ. */
    private static final List<String> HEADLINE_KEYS = List.of("fmr_operating_points", "named_thresholds",
            "equal_error_rate", "fpir_operating_points", "galleries", "attributes", "comparisons");

    /** Lower for the headline numbers, so they are listed before the many derived ones. */
    private static int priority(String line) {
        for (int i = 0; i < HEADLINE_KEYS.size(); i++) {
            if (line.contains(" " + HEADLINE_KEYS.get(i))) {
                return i;
            }
        }
        return HEADLINE_KEYS.size();
    }

    /** Names each value that differs between two JSON trees. */
    private static void diff(String path, JsonNode recorded, JsonNode recomputed, String file, List<String> problems) {
        if (recorded.isObject() && recomputed.isObject()) {
            TreeMap<String, Boolean> names = new TreeMap<>();
            recorded.fieldNames().forEachRemaining(n -> names.put(n, true));
            recomputed.fieldNames().forEachRemaining(n -> names.put(n, true));
            for (String name : names.keySet()) {
                diff(path.isEmpty() ? name : path + "." + name, recorded.path(name), recomputed.path(name), file, problems);
            }
        } else if (recorded.isArray() && recomputed.isArray()) {
            for (int i = 0; i < Math.max(recorded.size(), recomputed.size()); i++) {
                diff(path + "[" + i + "]", recorded.path(i), recomputed.path(i), file, problems);
            }
        } else if (!recorded.equals(recomputed)) {
            problems.add("  " + file + " " + path + ": recorded " + recorded + ", recomputed " + recomputed);
        }
    }

    /** The run's files, never those behind a symbolic link (which {@link #symbolicLinks} reports). */
    private static List<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !AtomicFiles.isPartial(p)).sorted().toList();
        }
    }
}
