package org.touchstone.runner.engine.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestException;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;

/**
 * Turns a {@code --dataset} argument into a checked manifest: either a manifest file (or a folder
 * holding {@code manifest.csv}), or a synthetic spec such as {@code synthetic:subjects=100,images=4,seed=7},
 * which is generated once into the data folder and then treated exactly like a user's dataset, or a
 * synthetic spec prefixed {@code procedural:}, whose manifest names the spec and whose images are rendered
 * when the run reads them (for datasets too large to write, up to millions of subjects).
 */
public final class DatasetResolver {
    /** Prefix of synthetic dataset specs. */
    public static final String SYNTHETIC_PREFIX = "synthetic:";
    /** Prefix of a synthetic spec whose dataset is procedural: rendered on demand, never written. */
    public static final String PROCEDURAL_PREFIX = "procedural:";
    /** The manifest's file name inside a dataset folder. */
    public static final String MANIFEST = "manifest.csv";

    private DatasetResolver() {
    }

    /**
     * @param spec    a manifest path, a dataset folder, a synthetic spec, or {@code procedural:} and a synthetic spec
     * @param dataDir where synthetic datasets are generated (one sub-folder per spec; procedural manifests
     *                under {@code procedural/})
     * @param status  told when a dataset is being generated
     * @return the loaded manifest, every file and checksum verified
     * @throws IOException       if files cannot be read or written
     * @throws ManifestException listing every problem of the manifest
     */
    public static DatasetManifest resolve(String spec, Path dataDir, Consumer<String> status)
            throws IOException, ManifestException {
        Path manifest;
        if (spec.startsWith(PROCEDURAL_PREFIX)) {
            SyntheticSpec synthetic = SyntheticSpec.parse(spec.substring(PROCEDURAL_PREFIX.length()));
            manifest = SyntheticDatasetWriter.writeProcedural(synthetic,
                    dataDir.resolve("procedural").resolve(synthetic.directoryName()));
        } else if (spec.startsWith(SYNTHETIC_PREFIX)) {
            SyntheticSpec synthetic = SyntheticSpec.parse(spec);
            Path dir = dataDir.resolve("synthetic").resolve(synthetic.directoryName());
            if (!Files.exists(dir.resolve(MANIFEST))) {
                status.accept("Generating synthetic dataset " + synthetic.canonical() + " into " + dir);
            }
            manifest = SyntheticDatasetWriter.write(synthetic, dir);
        } else {
            Path path = Path.of(spec);
            manifest = Files.isDirectory(path) ? path.resolve(MANIFEST) : path;
            if (!Files.isRegularFile(manifest)) {
                throw new IOException("dataset manifest " + manifest + " does not exist (expected a manifest CSV, a"
                        + " folder holding " + MANIFEST + ", " + SYNTHETIC_PREFIX + "... or " + PROCEDURAL_PREFIX
                        + SYNTHETIC_PREFIX + "...)");
            }
        }
        return ManifestLoader.load(manifest);
    }
}
