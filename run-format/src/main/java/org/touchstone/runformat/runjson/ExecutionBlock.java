package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * run.json's {@code execution}: where the work ran, for people (the reports never read it).
 *
 * @param threads          worker threads of the driver
 * @param systemInstances  instances of the system the driver opened
 * @param backend          {@value #EMBEDDED} or {@value #SPARK}
 * @param sparkMaster      Spark's master URL (Spark only)
 * @param sparkParallelism Spark's default parallelism (Spark only)
 * @param sparkVersion     Spark's version (Spark only)
 * @param maxTemplateBytes the run's template size limit: a larger template was the system's failure
 *                         {@code TEMPLATE_TOO_LARGE} (absent in runs made before the limit existed)
 * @param maxImagePixels   the run's image pixel limit: a larger image was the dataset's failure to acquire
 *                         (absent in runs made before the limit existed)
 */
public record ExecutionBlock(Integer threads, Integer systemInstances, String backend,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String sparkMaster,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String sparkParallelism,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String sparkVersion,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long maxTemplateBytes,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long maxImagePixels) {
    /** The backend of a run on the embedded thread pool. */
    public static final String EMBEDDED = "embedded-thread-pool";
    /** The backend of a run on Apache Spark. */
    public static final String SPARK = "spark";
    /** The keys an execution backend may describe itself with. */
    public static final Set<String> BACKEND_KEYS = Set.of("backend", "spark_master", "spark_parallelism",
            "spark_version");

    /**
     * The block of a run.
     *
     * @param threads         worker threads
     * @param systemInstances system instances opened
     * @param backend         how the backend describes itself, by the keys of {@link #BACKEND_KEYS}
     * @return the block
     * @throws IllegalArgumentException if the description has another key: the format must learn it first
     */
    public static ExecutionBlock of(int threads, int systemInstances, Map<String, String> backend) {
        return of(threads, systemInstances, backend, null, null);
    }

    /**
     * The block of a run, with its size limits.
     *
     * @param threads          worker threads
     * @param systemInstances  system instances opened
     * @param backend          how the backend describes itself, by the keys of {@link #BACKEND_KEYS}
     * @param maxTemplateBytes the template size limit, or null
     * @param maxImagePixels   the image pixel limit, or null
     * @return the block
     * @throws IllegalArgumentException if the description has another key: the format must learn it first
     */
    public static ExecutionBlock of(int threads, int systemInstances, Map<String, String> backend,
                                    Long maxTemplateBytes, Long maxImagePixels) {
        Set<String> unknown = new TreeSet<>(backend.keySet());
        unknown.removeAll(BACKEND_KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("execution backend describes itself with " + unknown + ", which"
                    + " run.json does not define (it defines " + new TreeSet<>(BACKEND_KEYS) + ")");
        }
        return new ExecutionBlock(threads, systemInstances, backend.get("backend"), backend.get("spark_master"),
                backend.get("spark_parallelism"), backend.get("spark_version"), maxTemplateBytes, maxImagePixels);
    }
}
