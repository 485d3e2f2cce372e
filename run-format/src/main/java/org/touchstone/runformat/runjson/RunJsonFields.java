package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every field run.json's records define, as paths ({@code system.score_range.min}; {@code []} marks the
 * elements of a list of objects, as in {@code evaluation.thresholds[].name}), found by asking Jackson how it
 * writes the records, so that the list cannot drift from the code.
 */
final class RunJsonFields {
    private final SerializationConfig config;
    private final SortedSet<String> paths = new TreeSet<>();

    private RunJsonFields(SerializationConfig config) {
        this.config = config;
    }

    static SortedSet<String> of(SerializationConfig config) {
        RunJsonFields fields = new RunJsonFields(config);
        fields.collect("", config.constructType(RunJson.class));
        return fields.paths;
    }

    private void collect(String prefix, JavaType type) {
        if (type.getRawClass() == Evaluation.class) {
            for (JsonSubTypes.Type subtype : Evaluation.class.getAnnotation(JsonSubTypes.class).value()) {
                collect(prefix, config.constructType(subtype.value()));
            }
            return;
        }
        for (BeanPropertyDefinition property : config.introspect(type).findProperties()) {
            String path = prefix + property.getName();
            paths.add(path);
            JavaType value = property.getPrimaryType();
            if (value.isCollectionLikeType() && isBlock(value.getContentType())) {
                collect(path + "[].", value.getContentType());
            } else if (isBlock(value)) {
                collect(path + ".", value);
            }
        }
    }

    /** A record of this package (or the evaluation), whose fields are listed in turn. */
    private static boolean isBlock(JavaType type) {
        return type.getRawClass().getPackage() == RunJson.class.getPackage()
                && (type.getRawClass().isRecord() || type.getRawClass() == Evaluation.class);
    }
}
