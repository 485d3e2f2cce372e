package org.touchstone.protocols.importers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The importers on the class path, found with {@link ServiceLoader}, by kind. */
public final class DatasetImporters {
    private final Map<String, DatasetImporter> byKind;

    private DatasetImporters(Map<String, DatasetImporter> byKind) {
        this.byKind = byKind;
    }

    /**
     * @return every importer listed in {@code META-INF/services} on this class's class path, sorted by kind
     * @throws IllegalStateException if two importers claim one kind (a packaging error)
     */
    public static DatasetImporters load() {
        List<DatasetImporter> found = new ArrayList<>();
        ServiceLoader.load(DatasetImporter.class, DatasetImporters.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(DatasetImporter::kind));
        Map<String, DatasetImporter> byKind = new LinkedHashMap<>();
        for (DatasetImporter importer : found) {
            DatasetImporter earlier = byKind.putIfAbsent(importer.kind(), importer);
            if (earlier != null) {
                throw new IllegalStateException("two importers of kind " + importer.kind() + ": "
                        + earlier.getClass().getName() + " and " + importer.getClass().getName());
            }
        }
        return new DatasetImporters(byKind);
    }

    /** @return the importers, sorted by kind */
    public List<DatasetImporter> all() {
        return List.copyOf(byKind.values());
    }

    /**
     * @param kind a kind, such as {@code lfw}
     * @return its importer
     * @throws IllegalArgumentException naming the known kinds, if none has that kind
     */
    public DatasetImporter get(String kind) {
        return Optional.ofNullable(byKind.get(kind)).orElseThrow(() -> new IllegalArgumentException(
                "unknown dataset kind '" + kind + "'; the kinds are: " + String.join(", ", byKind.keySet())));
    }

    /**
     * Checks the options given against the importer's and fills in the defaults.
     *
     * @param importer the importer
     * @param given    the {@code --with} options given, by name
     * @return every declared option with its value
     * @throws IllegalArgumentException naming the declared options, if an option is not declared
     */
    public static Map<String, String> options(DatasetImporter importer, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        importer.options().forEach(o -> values.put(o.name(), o.defaultValue()));
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new IllegalArgumentException("the " + importer.kind() + " importer has no option '" + e.getKey()
                        + "'; its options are: " + (values.isEmpty() ? "none" : importer.options().stream()
                        .map(ImporterOption::name).collect(Collectors.joining(", "))));
            }
            values.put(e.getKey(), e.getValue());
        }
        return values;
    }
}
