package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runformat.signing.DetachedSignature;
import org.touchstone.runformat.signing.OpenPgpKeys;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.boundaries.TestWorkers;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.CacheFolder;
import org.touchstone.runner.systems.submission.SubmissionArchive;
import picocli.CommandLine;

/**
 * A vendor packs the Python example (encrypted to the evaluator) and a jar system; the evaluator checks them and
 * runs them to the same metrics as the unpacked systems. A changed byte, a swapped signature and the wrong
 * decryption key are refused, each naming what is wrong.
 */
class SubmissionCommandTest {
    @TempDir
    static Path shared;
    static Path vendor;
    static Path evaluator;
    static Path stranger;
    static Path jar;

    /** Timing limits a loaded shared machine meets: these tests are about packing, not speed. */
    private static final String SLOW = "--max-comparison-us=100000";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void keysAndAVendorJar() throws Exception {
        vendor = shared.resolve("vendor");
        evaluator = shared.resolve("evaluator");
        stranger = shared.resolve("stranger");
        OpenPgpKeys.generate("Vendor <v@example.com>", vendor);
        OpenPgpKeys.generate("Evaluator <e@example.com>", evaluator);
        OpenPgpKeys.generate("Stranger <s@example.com>", stranger);
        jar = lbpJar(shared.resolve("vendor-jar"));
    }

    /**
     * The reference LBP system as a vendor would ship it: one jar, one provider registered. Its classes come from
     * reference-algorithms' classes folder (a module build) or its jar (the reactor's {@code mvn verify}).
     */
    private static Path lbpJar(Path dir) throws Exception {
        Class<?> provider = Class.forName("org.touchstone.reference.lbp.LbpSystemProvider");
        Path classes = Path.of(provider.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(dir);
        Path file = dir.resolve("lbp-vendor.jar");
        try (JarOutputStream jarOut = new JarOutputStream(Files.newOutputStream(file))) {
            if (Files.isDirectory(classes)) {
                try (Stream<Path> walk = Files.walk(classes)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        copyEntry(jarOut, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            } else {
                try (java.util.jar.JarFile source = new java.util.jar.JarFile(classes.toFile())) {
                    for (JarEntry e : source.stream().filter(e -> !e.isDirectory()).sorted(
                            java.util.Comparator.comparing(JarEntry::getName)).toList()) {
                        try (var in = source.getInputStream(e)) {
                            copyEntry(jarOut, e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
            jarOut.putNextEntry(new JarEntry("META-INF/services/org.touchstone.api.FaceSystemProvider"));
            jarOut.write((provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        return file;
    }

    /** Copies one class or resource; the source's own service files and manifest are left out. */
    private static void copyEntry(JarOutputStream jarOut, String name, byte[] bytes) throws IOException {
        if (!name.startsWith("META-INF/services/") && !name.equals("META-INF/MANIFEST.MF")) {
            jarOut.putNextEntry(new JarEntry(name));
            jarOut.write(bytes);
            jarOut.closeEntry();
        }
    }

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String key(Path dir, boolean secret) {
        return dir.resolve(secret ? OpenPgpKeys.SECRET_KEY_FILE : OpenPgpKeys.PUBLIC_KEY_FILE).toString();
    }

    private JsonNode run(Path tmp, String system, String name) throws Exception {
        Path runDir = tmp.resolve(name);
        assertThat(touchstone("run", "--protocol", "verification@1.0.0", "--system", system, "--dataset",
                "synthetic:subjects=10,images=3,seed=8", "--data-dir", tmp.resolve("data").toString(), "--out",
                runDir.toString(), "--threads", "2")).as(err.toString()).isZero();
        return new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
    }

    private static JsonNode metrics(Path runDir) throws Exception {
        return new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
    }

    @Test
    void thePythonExamplePacksEncryptedAndRunsCheckedToTheSameMetrics(@TempDir Path tmp) throws Exception {
        Path config = TestWorkers.pythonClient().resolve("examples/histogram.process.json");
        Path archive = tmp.resolve("histogram.tsub");
        assertThat(touchstone("submission", "pack", "--system", "process:" + config, "--key", key(vendor, true),
                "--to", key(evaluator, false), "--out", archive.toString(), "--data-dir", tmp.resolve("data").toString(), SLOW))
                .as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Verdict: PASS").contains("encrypted to");
        byte[] start = new byte[4];
        try (InputStream in = Files.newInputStream(archive)) {
            assertThat(in.read(start)).isEqualTo(4);
        }
        assertThat(new String(start, StandardCharsets.ISO_8859_1)).doesNotStartWith("PK");

        assertThat(touchstone("submission", "check", archive.toString(), "--key", key(stranger, true)))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("is not encrypted to the key");
        assertThat(touchstone("submission", "check", archive.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("is encrypted; give the evaluator's secret key with --key");

        out.getBuffer().setLength(0);
        assertThat(touchstone("submission", "check", archive.toString(), "--key", key(evaluator, true), "--vendor-key",
                key(vendor, false), "--data-dir", tmp.resolve("data").toString(), SLOW)).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("(the vendor key given)").contains("every file's SHA-256 matches")
                .contains("py-histogram").contains("The vendor's validation").contains("Verdict: PASS");

        JsonNode submitted = run(tmp, "submission:" + archive, "submitted");
        JsonNode direct = run(tmp, "process:" + config, "direct");
        JsonNode artifact = submitted.path("system").path("artifact");
        assertThat(artifact.path("submission_sha256").asText()).isEqualTo(Sha256.hex(archive));
        assertThat(artifact.path("vendor_key_fingerprint").asText()).isEqualTo(OpenPgpKeys.fingerprint(
                OpenPgpKeys.readPublicKeys(Path.of(key(vendor, false))).getKeyRings().next().getPublicKey()));
        assertThat(artifact.path("sealed").isBoolean()).isTrue();
        assertThat(direct.path("system").path("artifact").has("submission_sha256")).isFalse();
        assertThat(metrics(tmp.resolve("submitted")).path("equal_error_rate"))
                .isEqualTo(metrics(tmp.resolve("direct")).path("equal_error_rate")).isNotEmpty();
        assertThat(metrics(tmp.resolve("submitted")).path("fmr_operating_points"))
                .isEqualTo(metrics(tmp.resolve("direct")).path("fmr_operating_points")).isNotEmpty();
        assertThat(Files.readString(tmp.resolve("submitted/report.html")))
                .contains("<dt>Submission</dt><dd>archive SHA-256 " + artifact.path("submission_sha256").asText())
                .contains(artifact.path("vendor_key_fingerprint").asText()).contains("<dt>Sealed</dt>");
        deleteChecked(archive);
    }

    @Test
    void aJarSystemPacksAndATamperedByteOrSwappedSignatureIsRefused(@TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("lbp.tsub");
        assertThat(touchstone("submission", "pack", "--system", "jar:" + jar, "--key", key(vendor, true), "--out",
                archive.toString(), "--data-dir", tmp.resolve("data").toString(), SLOW)).as(out + "\n" + err).isZero();

        // One byte of the jar changed, the manifest and signature kept.
        Path tampered = rewrite(archive, tmp.resolve("tampered.tsub"), "system/lbp-vendor.jar", bytes -> {
            byte[] copy = bytes.clone();
            copy[copy.length / 2] ^= 1;
            return copy;
        });
        assertThat(touchstone("submission", "check", tampered.toString(), "--vendor-key", key(vendor, false)))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("system/lbp-vendor.jar").contains("differs from the signed manifest");

        // The manifest re-signed by someone else, with their key put in the archive: refused against the vendor's key.
        byte[] manifest = entry(archive, SubmissionArchive.MANIFEST);
        byte[] strangers = DetachedSignature.sign(new ByteArrayInputStream(manifest),
                OpenPgpKeys.readSecretKey(Path.of(key(stranger, true))));
        Path swapped = rewrite(archive, tmp.resolve("swapped.tsub"), SubmissionArchive.SIGNATURE, bytes -> strangers);
        err.getBuffer().setLength(0);
        assertThat(touchstone("submission", "check", swapped.toString(), "--vendor-key", key(vendor, false)))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(SubmissionArchive.SIGNATURE).contains("not among the public keys given");
        // Without --vendor-key, the archive's own (vendor's) key does not vouch for the stranger's signature either.
        err.getBuffer().setLength(0);
        assertThat(touchstone("submission", "check", swapped.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(SubmissionArchive.SIGNATURE);

        // Unchecked archives are not run.
        err.getBuffer().setLength(0);
        assertThat(touchstone("run", "--protocol", "verification@1.0.0", "--system", "submission:" + tampered,
                "--dataset", "synthetic:subjects=10,images=3,seed=8", "--data-dir", tmp.resolve("data").toString(),
                "--out", tmp.resolve("refused").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("has not been checked");

        out.getBuffer().setLength(0);
        assertThat(touchstone("submission", "check", archive.toString(), "--vendor-key", key(vendor, false),
                "--data-dir", tmp.resolve("data").toString(), SLOW)).as(out + "\n" + err).isZero();
        JsonNode submitted = run(tmp, "submission:" + archive, "submitted");
        run(tmp, "jar:" + jar, "direct");
        assertThat(submitted.path("system").path("artifact").path("sealed").asBoolean(true)).isFalse();
        assertThat(submitted.path("system").path("artifact").path("sealing").asText()).contains("jar:");
        assertThat(metrics(tmp.resolve("submitted")).path("fmr_operating_points"))
                .isEqualTo(metrics(tmp.resolve("direct")).path("fmr_operating_points")).isNotEmpty();
        deleteChecked(archive);
    }

    /** Removes what check left in the shared cache: the unpacked folder and the evaluator's validation report. */
    private static void deleteChecked(Path archive) throws Exception {
        Path dir = CacheFolder.submissions().resolve(Sha256.hex(archive));
        Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".validation.json"));
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static byte[] entry(Path zip, String name) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    /** Copies a zip, passing one entry's bytes through {@code change}. */
    private static Path rewrite(Path from, Path to, String name, UnaryOperator<byte[]> change) throws Exception {
        try (ZipFile source = new ZipFile(from.toFile());
             OutputStream file = Files.newOutputStream(to); ZipOutputStream zip = new ZipOutputStream(file)) {
            boolean found = false;
            for (Enumeration<? extends ZipEntry> e = source.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream in = source.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(name)) {
                    bytes = change.apply(bytes);
                    found = true;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
            assertThat(found).as("%s in the archive", name).isTrue();
        }
        return to;
    }
}
