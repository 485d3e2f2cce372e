package org.touchstone.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.signing.DetachedSignature;
import org.touchstone.runformat.signing.OpenPgpException;
import org.touchstone.runformat.signing.RunSignature;
import org.touchstone.reports.verify.RunVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone sign RUN --key KEY}: who vouches for a run, so that an edit with rewritten hashes shows. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign a completed run: a detached OpenPGP signature over run.json (which holds every file's",
                "SHA-256), written to RUN/" + RunFiles.RUN_JSON_SIGNATURE + ". The run is verified first; a run that",
                "fails verify is not signed. Check with verify RUN --public-key PUBLIC_KEY (or gpg --verify)."})
public final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A completed run directory.")
    Path runDir;

    @Option(names = "--key", required = true, paramLabel = "SECRET_KEY",
            description = "The signer's OpenPGP secret key (keygen's secret-key.asc).")
    Path key;

    @Override
    public Integer call() throws IOException, OpenPgpException, BadInputException {
        if (!Files.isRegularFile(runDir.resolve(RunFiles.RUN_JSON))) {
            throw new BadInputException(runDir + ": not a run directory (no " + RunFiles.RUN_JSON + ")");
        }
        // Vouching for a run that already differs from its hashes or its numbers would sign the tampering.
        RunVerifier.Verdict verdict = RunVerifier.verify(runDir);
        if (!verdict.ok()) {
            verdict.problems().forEach(p -> spec.commandLine().getErr().println("DIFFERS " + p));
            throw new BadInputException(runDir + ": not signed, because it fails verify ("
                    + verdict.problems().size() + " differences)");
        }
        DetachedSignature.Signer signer = RunSignature.sign(runDir, key);
        spec.commandLine().getOut().printf("%s: signed by %s in %s%n", runDir, signer,
                runDir.resolve(RunFiles.RUN_JSON_SIGNATURE));
        return ExitCodes.OK;
    }
}
