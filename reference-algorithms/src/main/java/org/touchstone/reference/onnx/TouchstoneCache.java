package org.touchstone.reference.onnx;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code scripts/fetch-real-data.sh} leaves the fetched models: the folder a configuration names
 * as {@value PipelineConfig#CACHE_VARIABLE}. The first of these that applies: the system property
 * {@value #PROPERTY}; the environment variable {@value #ENVIRONMENT}; the nearest {@code .touchstone/cache}
 * folder in the working directory or one of its parents (so a run from anywhere inside the repository
 * finds the repository's cache); else {@code .touchstone/cache} in the working directory.
 */
final class TouchstoneCache {
    /** The system property naming the cache folder. */
    static final String PROPERTY = "touchstone.cache";
    /** The environment variable naming the cache folder (the fetch script reads it too). */
    static final String ENVIRONMENT = "TOUCHSTONE_CACHE";

    private TouchstoneCache() {
    }

    /** @return the cache folder, absolute; it may not exist */
    static Path directory() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path folder = here; folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve(".touchstone").resolve("cache");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return here.resolve(".touchstone").resolve("cache");
    }
}
