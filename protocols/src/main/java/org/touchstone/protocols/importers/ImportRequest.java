package org.touchstone.protocols.importers;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to import.
 *
 * @param source  the user's copy of the dataset, in its native layout
 * @param out     the folder to write the manifest and protocol lists into (created)
 * @param options every option the importer declares, with its value (given or default)
 */
public record ImportRequest(Path source, Path out, Map<String, String> options) {
    /** No nulls; the options are copied. */
    public ImportRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(out, "out");
        options = Map.copyOf(new TreeMap<>(options));
    }

    /**
     * @param name a declared option
     * @return its value
     * @throws IllegalArgumentException if the importer did not declare it (a bug of the importer)
     */
    public String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option '" + name + "' was not declared");
        }
        return value;
    }
}
