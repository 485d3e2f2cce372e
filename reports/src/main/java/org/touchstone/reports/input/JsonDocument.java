package org.touchstone.reports.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON file read as a tree that remembers where each value starts, so that a value of the wrong kind
 * can be reported with its line and column. Jackson's tree keeps no locations, so they are collected in
 * a first streaming pass, keyed by JSON pointer.
 */
final class JsonDocument {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final Path file;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private JsonDocument(Path file, JsonNode root, Map<String, JsonLocation> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /**
     * Reads and parses a file.
     *
     * @param file the JSON file
     * @return the document
     * @throws RunDirectoryException when it is not valid JSON (with the parser's line and column)
     * @throws IOException           when it cannot be read
     */
    static JsonDocument read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue() || token.isStructStart()) {
                    locations.put(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation());
                }
            }
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new RunDirectoryException(file, 0, 0, null, "empty file: expected a JSON object");
            }
            return new JsonDocument(file, root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new RunDirectoryException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The top-level value.
     *
     * @return the root, which must be an object
     * @throws RunDirectoryException when it is not an object
     */
    Value root() throws RunDirectoryException {
        Value value = new Value(JsonPointer.empty(), root);
        if (!root.isObject()) {
            throw value.error("expected a JSON object at the top level");
        }
        return value;
    }

    /** A value in the document, with its path, and typed accessors that fail with a located message. */
    final class Value {
        private final JsonPointer pointer;
        private final JsonNode node;

        private Value(JsonPointer pointer, JsonNode node) {
            this.pointer = pointer;
            this.node = node;
        }

        /** The field, which must be present and not null. */
        Value required(String field, String expected) throws RunDirectoryException {
            JsonNode child = node.get(field);
            if (child == null || child.isNull()) {
                throw new Value(childPointer(field), null).error("missing field: expected " + expected);
            }
            return new Value(childPointer(field), child);
        }

        /** The field, or null when it is absent or null. */
        Value optional(String field) {
            JsonNode child = node.get(field);
            return child == null || child.isNull() ? null : new Value(childPointer(field), child);
        }

        /** The value as parsed, for copying it whole. */
        JsonNode node() {
            return node;
        }

        /** This value, which must be an object. */
        Value asObject() throws RunDirectoryException {
            if (!node.isObject()) {
                throw error("expected an object, found " + describe(node));
            }
            return this;
        }

        /** This value, which must be an array; its elements. */
        List<Value> asArray(String ofWhat) throws RunDirectoryException {
            if (!node.isArray()) {
                throw error("expected an array of " + ofWhat + ", found " + describe(node));
            }
            List<Value> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(new Value(pointer.append(JsonPointer.compile("/" + i)), node.get(i)));
            }
            return elements;
        }

        /** This value, which must be a non-empty string. */
        String asText() throws RunDirectoryException {
            if (!node.isTextual() || node.textValue().isEmpty()) {
                throw error("expected a non-empty string, found " + describe(node));
            }
            return node.textValue();
        }

        /** This value, which must be a string, possibly empty. */
        String asTextOrEmpty() throws RunDirectoryException {
            if (!node.isTextual()) {
                throw error("expected a string, found " + describe(node));
            }
            return node.textValue();
        }

        /** This value, which must be a finite number. */
        double asNumber() throws RunDirectoryException {
            if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
                throw error("expected a finite number, found " + describe(node));
            }
            return node.doubleValue();
        }

        /** An error located at this value (or, for a missing value, at its nearest existing parent). */
        RunDirectoryException error(String problem) {
            JsonPointer at = pointer;
            JsonLocation location = locations.get(at.toString());
            while (location == null && !at.matches()) {
                at = at.head();
                location = locations.get(at.toString());
            }
            long line = location == null ? 0 : location.getLineNr();
            long column = location == null ? 0 : location.getColumnNr();
            return new RunDirectoryException(file, line, column, readablePath(pointer), problem);
        }

        private JsonPointer childPointer(String field) {
            return pointer.append(JsonPointer.compile("/" + field.replace("~", "~0").replace("/", "~1")));
        }
    }

    /** {@code /evaluation/fmr_targets/2} as {@code evaluation.fmr_targets[2]}. */
    private static String readablePath(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                path.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return path.length() == 0 ? "(top level)" : path.toString();
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
