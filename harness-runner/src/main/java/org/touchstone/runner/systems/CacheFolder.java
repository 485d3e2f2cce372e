package org.touchstone.runner.systems;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Touchstone cache folder: real data fetched by {@code scripts/fetch-real-data.sh}, and checked submissions
 * unpacked under {@code submissions/}. Git ignores it.
 */
public final class CacheFolder {
    /** The system property (read by the ONNX system too) naming the cache. */
    public static final String PROPERTY = "touchstone.cache";
    /** The environment variable naming the cache. */
    public static final String ENVIRONMENT = "TOUCHSTONE_CACHE";
    /** The fetch script, relative to the repository root. */
    public static final String FETCH_SCRIPT = "scripts/fetch-real-data.sh";

    private CacheFolder() {
    }

    /**
     * The cache folder: the system property {@value #PROPERTY}, else the environment variable
     * {@value #ENVIRONMENT}, else {@code .touchstone/cache} of the repository holding the working
     * directory (the nearest folder upwards with {@value #FETCH_SCRIPT} or a {@code .touchstone/cache}),
     * else {@code .touchstone/cache} in the working directory.
     *
     * @return the folder, absolute; it may not exist yet
     */
    public static Path directory() {
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
            if (Files.isRegularFile(folder.resolve(FETCH_SCRIPT)) || Files.isDirectory(folder.resolve(".touchstone/cache"))) {
                return folder.resolve(".touchstone").resolve("cache");
            }
        }
        return here.resolve(".touchstone").resolve("cache");
    }

    /** @return where checked submissions are unpacked, by archive hash */
    public static Path submissions() {
        return directory().resolve("submissions");
    }
}
