package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestException;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.synthetic.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone dataset}: generate the synthetic dataset, or check a manifest. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Generate or check datasets.",
        subcommands = {DatasetCommand.Generate.class, DatasetCommand.Check.class})
public final class DatasetCommand {

    /** {@code touchstone dataset generate SPEC --out DIR}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write the synthetic dataset for a spec (images + manifest.csv).")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SPEC", description = "e.g. synthetic:subjects=100,images=4,seed=7")
        String synthetic;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
        Path out;

        @Override
        public Integer call() {
            try {
                Path manifest = SyntheticDatasetWriter.write(SyntheticSpec.parse(synthetic), out);
                spec.commandLine().getOut().println("Wrote " + manifest);
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
        }
    }

    /** {@code touchstone dataset check MANIFEST}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a manifest: every row, every file, every checksum; list all problems.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "MANIFEST", description = "The manifest CSV.")
        Path manifest;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                DatasetManifest m = ManifestLoader.load(manifest);
                out.printf("OK: %,d samples of %,d subjects; labels %s; groups %s; sha256 %s%n", m.samples().size(),
                        m.subjectCount(), m.labelColumns(), m.groupColumns(), m.sha256());
                return ExitCodes.OK;
            } catch (ManifestException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }
}
