package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reports.RunReports;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.runjson.RunJsonFile;
import org.touchstone.runformat.signing.OpenPgpKeys;
import org.touchstone.runformat.signing.RunSignature;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.SubjectOracleProvider;
import picocli.CommandLine;

/**
 * keygen, sign and verify --public-key: an untouched signed run passes; a run whose score was edited and whose
 * report and hashes were then rewritten passes plain verify (the hashes agree) but fails against the signer's key.
 */
class SignCommandTest {
    @TempDir
    static Path shared;
    static Path keys;
    static Path otherKeys;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void keyPairs() throws Exception {
        keys = shared.resolve("keys");
        otherKeys = shared.resolve("other-keys");
        OpenPgpKeys.generate("Signer <signer@example.com>", keys);
        OpenPgpKeys.generate("Someone Else <else@example.com>", otherKeys);
    }

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Path run(Path runDir) throws Exception {
        new ProtocolRunner(Progress.silent()).run(new RunRequest("signed", ProtocolRepository.builtIn()
                .resolve("verification@1.0.0"), ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=10,images=3,seed=5"), runDir.resolveSibling("dataset"))),
                "synthetic", new SubjectOracleProvider(), Optional.empty(), runDir, 2));
        return runDir;
    }

    private static String publicKey(Path keyDir) {
        return keyDir.resolve(OpenPgpKeys.PUBLIC_KEY_FILE).toString();
    }

    private static String secretKey(Path keyDir) {
        return keyDir.resolve(OpenPgpKeys.SECRET_KEY_FILE).toString();
    }

    @Test
    void keygenWritesAKeyPairWithTheSecretReadableByItsOwnerOnlyAndNeverOverwrites(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("k");
        assertThat(touchstone("keygen", "--out", dir.toString(), "--name", "Lab <lab@example.com>")).isZero();
        assertThat(out.toString()).containsPattern("fingerprint [0-9A-F]{40}");
        assertThat(Files.getPosixFilePermissions(dir.resolve(OpenPgpKeys.SECRET_KEY_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(dir.resolve(OpenPgpKeys.PUBLIC_KEY_FILE)))
                .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        byte[] secret = Files.readAllBytes(dir.resolve(OpenPgpKeys.SECRET_KEY_FILE));
        assertThat(touchstone("keygen", "--out", dir.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(OpenPgpKeys.SECRET_KEY_FILE).contains("never overwrites");
        assertThat(Files.readAllBytes(dir.resolve(OpenPgpKeys.SECRET_KEY_FILE))).isEqualTo(secret);
    }

    @Test
    void anUntouchedSignedRunPassesVerifyWithItsSignersKey(@TempDir Path tmp) throws Exception {
        Path runDir = run(tmp.resolve("run"));
        assertThat(touchstone("sign", runDir.toString(), "--key", secretKey(keys))).isZero();
        assertThat(runDir.resolve(RunFiles.RUN_JSON_SIGNATURE)).exists();
        assertThat(Files.readString(runDir.resolve(RunFiles.RUN_JSON_SIGNATURE)))
                .startsWith("-----BEGIN PGP SIGNATURE-----");
        out.getBuffer().setLength(0);
        assertThat(touchstone("verify", runDir.toString(), "--public-key", publicKey(keys))).as(out.toString()).isZero();
        assertThat(out.toString()).contains("signed by").contains("Signer <signer@example.com>")
                .contains("everything matches");
        // The signature file is not a stray file to plain verify either.
        assertThat(touchstone("verify", runDir.toString())).isZero();
        assertThat(RunSignature.read(runDir)).contains(OpenPgpKeys.fingerprint(
                OpenPgpKeys.readPublicKeys(keys.resolve(OpenPgpKeys.PUBLIC_KEY_FILE)).iterator().next().getPublicKey()));
    }

    @Test
    void aTamperedAndRehashedRunPassesPlainVerifyButFailsAgainstTheSignersKey(@TempDir Path tmp) throws Exception {
        Path runDir = run(tmp.resolve("run"));
        assertThat(touchstone("sign", runDir.toString(), "--key", secretKey(keys))).isZero();

        // A forger edits one genuine score, regenerates the report and rewrites every hash in run.json.
        // The subject oracle scores 1.0 only genuine pairs.
        assertThat(org.touchstone.runner.boundaries.RunFiles.editFirstScore(runDir, 1.0, 0.0))
                .as("a genuine comparison scored 1.0").isNotNegative();
        RunReports.generate(runDir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode runJson = (ObjectNode) json.readTree(runDir.resolve(RunFiles.RUN_JSON).toFile());
        runJson.set("files", json.valueToTree(RunJsonFile.hashFiles(runDir)));
        json.writerWithDefaultPrettyPrinter().writeValue(runDir.resolve(RunFiles.RUN_JSON).toFile(), runJson);

        assertThat(touchstone("verify", runDir.toString())).as("the hashes and numbers agree after rehashing: "
                + out).isZero();
        out.getBuffer().setLength(0);
        assertThat(touchstone("verify", runDir.toString(), "--public-key", publicKey(keys)))
                .isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(out.toString()).contains("DIFFERS " + RunFiles.RUN_JSON_SIGNATURE)
                .contains("does not match the signed file").doesNotContain("signed by");
    }

    @Test
    void aRunSignedByAnotherKeyOrNotSignedFailsAgainstTheExpectedKey(@TempDir Path tmp) throws Exception {
        Path runDir = run(tmp.resolve("run"));
        assertThat(touchstone("verify", runDir.toString(), "--public-key", publicKey(keys)))
                .isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(out.toString()).contains(RunFiles.RUN_JSON_SIGNATURE + ": missing; the run is not signed");
        out.getBuffer().setLength(0);
        assertThat(touchstone("sign", runDir.toString(), "--key", secretKey(otherKeys))).isZero();
        assertThat(touchstone("verify", runDir.toString(), "--public-key", publicKey(keys)))
                .isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(out.toString()).contains("which is not among the public keys given");
    }

    @Test
    void aRunThatAlreadyFailsVerifyIsNotSigned(@TempDir Path tmp) throws Exception {
        Path runDir = run(tmp.resolve("run"));
        Files.writeString(runDir.resolve("comparisons.arrows"), "\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(touchstone("sign", runDir.toString(), "--key", secretKey(keys))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("comparisons.arrows").contains("not signed");
        assertThat(runDir.resolve(RunFiles.RUN_JSON_SIGNATURE)).doesNotExist();
    }

    @Test
    void aSecretKeyFileThatIsNotAKeyIsBadInputNamingTheFile(@TempDir Path tmp) throws Exception {
        Path runDir = run(tmp.resolve("run"));
        Path notAKey = Files.writeString(tmp.resolve("key.txt"), "hello");
        assertThat(touchstone("sign", runDir.toString(), "--key", notAKey.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(notAKey.toString()).contains("not an OpenPGP secret key");
    }

    /** GnuPG checks the same signature, so a reader need not trust Touchstone's own check. */
    @Test
    void gpgVerifiesTheSignatureWithTheExportedPublicKey(@TempDir Path tmp) throws Exception {
        assumeTrue(commandWorks(tmp, "gpg", "--version"), "gpg is not installed");
        Path runDir = run(tmp.resolve("run"));
        assertThat(touchstone("sign", runDir.toString(), "--key", secretKey(keys))).isZero();
        Path home = Files.createDirectory(tmp.resolve("gnupg"));
        Files.setPosixFilePermissions(home, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        assertThat(commandWorks(tmp, "gpg", "--homedir", home.toString(), "--batch", "--import", publicKey(keys)))
                .isTrue();
        assertThat(commandWorks(tmp, "gpg", "--homedir", home.toString(), "--batch", "--verify",
                runDir.resolve(RunFiles.RUN_JSON_SIGNATURE).toString(), runDir.resolve(RunFiles.RUN_JSON).toString()))
                .isTrue();
        Files.writeString(runDir.resolve(RunFiles.RUN_JSON), " ", java.nio.file.StandardOpenOption.APPEND);
        assertThat(commandWorks(tmp, "gpg", "--homedir", home.toString(), "--batch", "--verify",
                runDir.resolve(RunFiles.RUN_JSON_SIGNATURE).toString(), runDir.resolve(RunFiles.RUN_JSON).toString()))
                .isFalse();
    }

    private static boolean commandWorks(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("command.log").toFile()).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
