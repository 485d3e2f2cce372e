package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * run.json's {@code system}: the system under test as its descriptor declares it, where its code came
 * from, and what the opened system reported about itself. It is a provenance record, written from the
 * descriptor by {@code DescriptorJson.toRunRecord} (whose wire form is the descriptor's other JSON shape);
 * reports read only its id, vendor, name, version and score range.
 *
 * @param id                the system's id
 * @param vendor            its vendor
 * @param name              its product name
 * @param version           its product version
 * @param description       what it is, for people
 * @param apiVersion        the SPI version it was built against
 * @param capabilities      what it offers, lower case
 * @param scoreRange        its declared score range, absent when it declares none
 * @param concurrency       how it may be called from several threads, lower case
 * @param thresholds        the operating thresholds it recommends
 * @param attributes        the attributes it estimates, by name
 * @param properties        free-form facts it declares
 * @param artifact          where its code came from
 * @param configSha256      a content hash of its configuration folder, absent without one
 * @param runtimeProperties what the opened system reported (or the {@code error} calling it raised); absent
 *                          until the system is open
 */
public record SystemBlock(String id, String vendor, String name, String version, String description,
                          String apiVersion, List<String> capabilities,
                          @JsonInclude(JsonInclude.Include.NON_NULL) ScoreRangeBlock scoreRange, String concurrency,
                          List<ThresholdEntry> thresholds, List<String> attributes, Map<String, String> properties,
                          ArtifactBlock artifact,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String configSha256,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> runtimeProperties) {
    /** The key {@code runtime_properties} holds when asking the system for them failed. */
    public static final String RUNTIME_PROPERTIES_ERROR = "error";

    /**
     * With what the opened system reported about itself.
     *
     * @param reported its runtime properties (values may be null), in its order
     * @return a copy with {@code runtime_properties}
     */
    public SystemBlock withRuntimeProperties(Map<String, String> reported) {
        return new SystemBlock(id, vendor, name, version, description, apiVersion, capabilities, scoreRange,
                concurrency, thresholds, attributes, properties, artifact, configSha256,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reported)));
    }
}
