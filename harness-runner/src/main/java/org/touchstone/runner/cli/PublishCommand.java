package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.touchstone.reports.site.SitePublisher;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.signing.DetachedSignature;
import org.touchstone.runformat.signing.OpenPgpException;
import org.touchstone.runformat.signing.OpenPgpKeys;
import org.touchstone.runformat.signing.RunSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone publish RUN... --out SITE}: a static site of results, no server needed. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish completed runs as a static site: an index, a leaderboard per protocol and dataset",
                "(ranked by the headline figure with intervals, ties marked), overlaid DET or CMC curves, paired",
                "tests, each system's demographic summary and provenance, and every run's report card. Opens from",
                "the file system or any static host; no JavaScript. The same runs give the same bytes.",
                "With --public-key, every signed run's signature (touchstone sign) must hold against that key, each",
                "run shows its signer, and the site carries the key so that readers can check the signatures."})
public final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Completed run directories.")
    List<Path> runDirs;

    @Option(names = "--out", required = true, paramLabel = "SITE", description = "Folder to write the site into.")
    Path out;

    @Option(names = "--public-key", paramLabel = "PUBLIC_KEY",
            description = "The publisher's OpenPGP public key (keygen's public-key.asc): signed runs must be signed by "
                    + "it, and the site carries it.")
    Path publicKey;

    @Override
    public Integer call() throws BadInputException, IOException, OpenPgpException {
        SitePublisher.Signatures signatures;
        Optional<SitePublisher.PublisherKey> publisher = Optional.empty();
        if (publicKey != null) {
            var keys = OpenPgpKeys.readPublicKeys(publicKey);
            var primary = keys.getKeyRings().next().getPublicKey();
            publisher = Optional.of(new SitePublisher.PublisherKey(OpenPgpKeys.fingerprint(primary),
                    OpenPgpKeys.userId(primary), Files.readAllBytes(publicKey)));
            // A signature that does not hold means the run changed after signing: never publish it as signed.
            for (Path dir : runDirs) {
                if (Files.isRegularFile(dir.resolve(RunFiles.RUN_JSON_SIGNATURE))) {
                    try {
                        RunSignature.verify(dir, publicKey);
                    } catch (OpenPgpException e) {
                        throw new BadInputException(dir + ": " + e.getMessage(), e);
                    }
                }
            }
            signatures = dir -> {
                if (!Files.isRegularFile(dir.resolve(RunFiles.RUN_JSON_SIGNATURE))) {
                    return Optional.empty();
                }
                try {
                    DetachedSignature.Signer signer = RunSignature.verify(dir, publicKey);
                    return Optional.of(signer + ", signature checked against the publisher's key");
                } catch (OpenPgpException e) {
                    throw new IOException(dir + ": " + e.getMessage(), e);
                }
            };
        } else {
            signatures = dir -> RunSignature.read(dir).map(fingerprint -> fingerprint
                    + " (signature not checked: publish with --public-key to check it)");
        }
        List<Path> written;
        try {
            written = SitePublisher.publish(runDirs, out, signatures, publisher);
        } catch (SitePublisher.PublishException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("cannot publish: " + e.getMessage(), e);
        }
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("Published %d runs (%d files) to %s: open index.html%n", runDirs.size(), written.size(),
                out.toAbsolutePath().resolve("index.html"));
        printer.flush();
        return ExitCodes.OK;
    }
}
