package org.touchstone.runformat.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.touchstone.runformat.RunDirectoryException;

/**
 * A JSON file of the run directory read as a tree that remembers where each value starts, so that any
 * problem with a value can be reported with its file, line, column and path (for example
 * {@code run.json line 7, column 24 (evaluation.fmr_targets[1]): ...}). Jackson's tree keeps no locations,
 * so they are collected in a first streaming pass, keyed by JSON pointer. A field that appears twice in an
 * object is an error.
 */
public final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final Path file;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private LocatedJson(Path file, JsonNode root, Map<String, JsonLocation> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /**
     * Reads and parses a file whose top level must be an object.
     *
     * @param file the JSON file
     * @return the document
     * @throws RunDirectoryException when it is not valid JSON (with the parser's line and column), is empty or
     *                               is not an object
     * @throws IOException           when it cannot be read
     */
    public static LocatedJson read(Path file) throws IOException {
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
            LocatedJson document = new LocatedJson(file, root, locations);
            if (!root.isObject()) {
                throw document.error(JsonPointer.empty(), "expected a JSON object at the top level");
            }
            return document;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new RunDirectoryException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The file read.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * The whole document, as parsed.
     *
     * @return the top-level object
     */
    public JsonNode root() {
        return root;
    }

    /**
     * The value at a path.
     *
     * @param pointer for example {@code /evaluation/fmr_targets/1}
     * @return the value, or a missing node
     */
    public JsonNode at(JsonPointer pointer) {
        JsonNode node = root.at(pointer);
        return node == null ? MissingNode.getInstance() : node;
    }

    /**
     * An error located at a value, or, for a value that is absent, at its nearest existing parent.
     *
     * @param pointer the value's path
     * @param problem what is wrong and what was expected
     * @return the exception, naming file, line, column and the value's path (such as
     *         {@code evaluation.fmr_targets[1]})
     */
    public RunDirectoryException error(JsonPointer pointer, String problem) {
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

    /**
     * A required value that is absent or null.
     *
     * @param pointer  its path
     * @param expected what it should have been, for example {@code "an array of numbers in (0, 1]"}
     * @return the exception, located at the nearest existing parent
     */
    public RunDirectoryException missing(JsonPointer pointer, String expected) {
        return error(pointer, "missing field: expected " + expected);
    }

    /**
     * A value of the wrong kind.
     *
     * @param pointer  its path
     * @param expected what it should have been, for example {@code "a finite number"}
     * @return the exception, naming what was found, e.g. {@code expected a finite number, found string "0.65"}
     */
    public RunDirectoryException wrongKind(JsonPointer pointer, String expected) {
        return error(pointer, "expected " + expected + ", found " + describe(at(pointer)));
    }

    /**
     * A JSON value in a message: its kind and its text, shortened.
     *
     * @param node any value
     * @return for example {@code string "0.65"} or {@code null}
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    /**
     * A path as people read it.
     *
     * @param pointer for example {@code /evaluation/fmr_targets/2}
     * @return {@code evaluation.fmr_targets[2]}, or {@code (top level)}
     */
    public static String readablePath(JsonPointer pointer) {
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

    /**
     * The path of a field of an object.
     *
     * @param parent the object's path
     * @param field  the field's name
     * @return the field's path, its name escaped as JSON pointers require
     */
    public static JsonPointer child(JsonPointer parent, String field) {
        return parent.append(JsonPointer.compile("/" + field.replace("~", "~0").replace("/", "~1")));
    }

    /**
     * The path of an element of an array.
     *
     * @param parent the array's path
     * @param index  the element's index
     * @return the element's path
     */
    public static JsonPointer child(JsonPointer parent, int index) {
        return parent.append(JsonPointer.compile("/" + index));
    }
}
