package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.touchstone.reports.verify.RunVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone verify RUN_DIR}: tamper evidence for a published run. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check every file of a run directory against the SHA-256 in run.json, recompute every number",
                "from the raw files, and list anything that differs. With --public-key, also check the signature",
                "over run.json (touchstone sign). Exit 1 on any difference."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory.")
    Path runDir;

    @Option(names = "--public-key", paramLabel = "PUBLIC_KEY",
            description = "The signer's OpenPGP public key (keygen's public-key.asc, or gpg --export --armor): "
                    + "run.json must carry a valid signature by it.")
    Path publicKey;

    @Override
    public Integer call() throws BadInputException {
        PrintWriter out = spec.commandLine().getOut();
        RunVerifier.Verdict verdict;
        try {
            verdict = RunVerifier.verify(runDir, Optional.ofNullable(publicKey));
        } catch (IOException e) {
            throw new BadInputException("cannot verify " + runDir + ": " + e.getMessage(), e);
        }
        verdict.problems().forEach(p -> out.println("DIFFERS " + p));
        verdict.signer().ifPresent(signer -> out.println("signed by " + signer));
        out.printf("%s: %d files checked against run.json, %d report files recomputed: %s%n", runDir,
                verdict.filesChecked(), verdict.recomputed(),
                verdict.ok() ? "everything matches" : verdict.problems().size() + " differences");
        return verdict.ok() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
}
