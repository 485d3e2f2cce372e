package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.touchstone.runformat.signing.OpenPgpException;
import org.touchstone.runformat.signing.OpenPgpKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchstone keygen --out DIR}: the OpenPGP key pair that signs runs and submissions and receives them. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Make an OpenPGP key pair (Ed25519 signing key, X25519 encryption subkey, as gpg makes):",
                "DIR/secret-key.asc (readable by you only: keep it secret) and DIR/public-key.asc (hand it out).",
                "The key signs runs (sign) and submissions, and receives submissions encrypted to it."})
public final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the two key files to.")
    Path out;

    @Option(names = "--name", paramLabel = "USER_ID", defaultValue = "Touchstone key",
            description = "The key's user ID, e.g. 'Example Vendor <eval@example.com>' (default: ${DEFAULT-VALUE}).")
    String userId;

    @Override
    public Integer call() throws IOException, OpenPgpException {
        OpenPgpKeys.GeneratedKey key = OpenPgpKeys.generate(userId, out);
        PrintWriter printer = spec.commandLine().getOut();
        printer.println("fingerprint " + key.fingerprint());
        printer.println("secret key  " + key.secretKey() + " (keep it secret)");
        printer.println("public key  " + key.publicKey());
        return ExitCodes.OK;
    }
}
