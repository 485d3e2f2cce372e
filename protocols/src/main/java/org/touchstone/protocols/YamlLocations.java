package org.touchstone.protocols;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each field and list element of a YAML document is, so that problems found after parsing (in
 * the bound values or the tree) can still be reported at a line and column. A field is located at its
 * key, a list element at its value.
 */
final class YamlLocations {
    /** A whole number as people write it: YAML 1.1 reads 010 as 8, 0x10 as 16 and 1_000 as 1000. */
    private static final Pattern PLAIN_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    /** A decimal as people write it (no underscores, no 1:30 sexagesimal). */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"
            + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private final Map<JsonPointer, JsonLocation> locations;
    private final Map<JsonPointer, String> surprises;

    private YamlLocations(Map<JsonPointer, JsonLocation> locations, Map<JsonPointer, String> surprises) {
        this.locations = locations;
        this.surprises = surprises;
    }

    /**
     * Scalars that YAML 1.1 (what the parser implements) reads as something other than what a person
     * reading the file sees: {@code seed: 010} is the octal number 8, {@code 0x10} is 16, {@code 1_000} is
     * 1000, and {@code yes}, {@code no}, {@code on}, {@code off} are booleans. Each is refused with what it
     * would have meant, so nothing is silently read otherwise than written.
     *
     * @return each such value's pointer and what is wrong with it, in document order
     */
    Map<JsonPointer, String> surprises() {
        return surprises;
    }

    private static String surprise(JsonToken t, String text, JsonParser parser) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && !PLAIN_INTEGER.matcher(text).matches()) {
            return "'" + text + "' is read by YAML 1.1 as the number " + parser.getNumberValue() + "; write the"
                    + " whole number in plain decimal digits without a leading zero (quote it if it is text)";
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT && !PLAIN_DECIMAL.matcher(text).matches()) {
            return "'" + text + "' is read by YAML 1.1 as the number " + parser.getNumberValue() + "; write a plain"
                    + " decimal such as 0.001 or 1.0e-3 (quote it if it is text)";
        }
        if ((t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) && !text.equals("true") && !text.equals("false")) {
            return "'" + text + "' is read by YAML 1.1 as the boolean " + (t == JsonToken.VALUE_TRUE) + "; write true or"
                    + " false (quote it if it is text)";
        }
        return null;
    }

    /**
     * Reads the first document of {@code text}.
     *
     * @throws IOException (a {@link com.fasterxml.jackson.core.JsonProcessingException} with a location)
     *                     on a syntax error or a duplicate key; or if the text holds more than one document
     */
    static YamlLocations index(ObjectMapper mapper, String text) throws IOException {
        Map<JsonPointer, JsonLocation> locations = new HashMap<>();
        Map<JsonPointer, String> surprises = new LinkedHashMap<>();
        try (JsonParser parser = mapper.createParser(text)) {
            int depth = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                JsonPointer here = parser.getParsingContext().pathAsPointer();
                if (t == JsonToken.FIELD_NAME) {
                    locations.put(here, parser.currentTokenLocation());
                } else if (!t.isStructEnd()) {
                    locations.putIfAbsent(here, parser.currentTokenLocation());
                }
                if (t.isScalarValue()) {
                    String surprise = surprise(t, parser.getText(), parser);
                    if (surprise != null) {
                        surprises.put(here, surprise);
                    }
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                if (depth == 0 && parser.nextToken() != null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser,
                            "a protocol file holds one YAML document; found another one here",
                            parser.currentTokenLocation());
                }
            }
        }
        return new YamlLocations(locations, surprises);
    }

    /** @return the location of the field or element, else of its nearest enclosing one that exists */
    JsonLocation of(JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            JsonLocation location = locations.get(p);
            if (location != null) {
                return location;
            }
        }
        return JsonLocation.NA;
    }

    /** @return the pointer to where a mapping exception occurred, from its path of references */
    static JsonPointer pointer(JsonMappingException e) {
        JsonPointer pointer = JsonPointer.empty();
        List<JsonMappingException.Reference> path = e.getPath();
        for (JsonMappingException.Reference r : path) {
            pointer = r.getFieldName() != null ? pointer.appendProperty(r.getFieldName()) : pointer.appendIndex(r.getIndex());
        }
        return pointer;
    }

    /** @return the pointer written as people read it, such as {@code verification.fmr_targets[2]} */
    static String display(JsonPointer pointer) {
        StringBuilder text = new StringBuilder();
        for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
            if (p.mayMatchElement() && p.getMatchingProperty().equals(String.valueOf(p.getMatchingIndex()))) {
                text.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return text.toString();
    }
}
