package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reports.site.SitePublisher;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.signing.OpenPgpKeys;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.SubjectOracleProvider;
import picocli.CommandLine;

/** publish shows who signed each run, checks the signatures against the publisher's key and carries that key. */
class PublishSignedTest {
    @TempDir
    static Path shared;
    static Path signedRun;
    static Path unsignedRun;
    static Path keys;
    static Path otherKeys;
    static String fingerprint;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void twoRunsOneSigned() throws Exception {
        DatasetManifest manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=10,images=3,seed=4"), shared.resolve("dataset")));
        keys = shared.resolve("keys");
        otherKeys = shared.resolve("other");
        fingerprint = OpenPgpKeys.generate("Publisher <p@example.com>", keys).fingerprint();
        OpenPgpKeys.generate("Other <o@example.com>", otherKeys);
        signedRun = shared.resolve("signed");
        unsignedRun = shared.resolve("unsigned");
        for (Path dir : new Path[] {signedRun, unsignedRun}) {
            new ProtocolRunner(Progress.silent()).run(new RunRequest(dir.getFileName().toString(),
                    ProtocolRepository.builtIn().resolve("verification@1.0.0"), manifest, "synthetic",
                    new SubjectOracleProvider(), Optional.empty(), dir, 2));
        }
    }

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String siteText(Path site) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }

    @Test
    void theSiteShowsEachRunsCheckedSignerAndCarriesThePublishersKey(@TempDir Path tmp) throws Exception {
        assertThat(touchstone("sign", signedRun.toString(), "--key",
                keys.resolve(OpenPgpKeys.SECRET_KEY_FILE).toString())).isZero();
        Path site = tmp.resolve("site");
        assertThat(touchstone("publish", signedRun.toString(), unsignedRun.toString(), "--out", site.toString(),
                "--public-key", keys.resolve(OpenPgpKeys.PUBLIC_KEY_FILE).toString())).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(site.resolve(SitePublisher.PUBLISHER_KEY_FILE)))
                .isEqualTo(Files.readAllBytes(keys.resolve(OpenPgpKeys.PUBLIC_KEY_FILE)));
        assertThat(Files.readString(site.resolve("index.html"))).contains(fingerprint)
                .contains("href=\"" + SitePublisher.PUBLISHER_KEY_FILE + "\"").contains("gpg --verify");
        String text = siteText(site);
        assertThat(text).contains(fingerprint + " (Publisher &lt;p@example.com&gt;), signature checked")
                .contains("not signed");
        try (Stream<Path> signatures = Files.walk(site)) {
            assertThat(signatures.filter(p -> p.getFileName().toString().equals(RunFiles.RUN_JSON_SIGNATURE)))
                    .hasSize(1);
        }
        // Published again: the same bytes.
        byte[] index = Files.readAllBytes(site.resolve("index.html"));
        assertThat(touchstone("publish", signedRun.toString(), unsignedRun.toString(), "--out", site.toString(),
                "--public-key", keys.resolve(OpenPgpKeys.PUBLIC_KEY_FILE).toString())).isZero();
        assertThat(Files.readAllBytes(site.resolve("index.html"))).isEqualTo(index);

        // Against another key the signature does not hold: nothing is published as signed.
        assertThat(touchstone("publish", signedRun.toString(), "--out", tmp.resolve("other-site").toString(),
                "--public-key", otherKeys.resolve(OpenPgpKeys.PUBLIC_KEY_FILE).toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(signedRun.toString()).contains(RunFiles.RUN_JSON_SIGNATURE)
                .contains("not among the public keys given");
        assertThat(tmp.resolve("other-site/index.html")).doesNotExist();

        // Without a key, the signer the signature names is shown, marked as not checked.
        Path unchecked = tmp.resolve("unchecked");
        assertThat(touchstone("publish", signedRun.toString(), "--out", unchecked.toString())).isZero();
        assertThat(siteText(unchecked)).contains(fingerprint + " (signature not checked");
        assertThat(unchecked.resolve(SitePublisher.PUBLISHER_KEY_FILE)).doesNotExist();
    }
}
