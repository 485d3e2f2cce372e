package org.touchstone.protocols;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field and list element of a YAML document is, so that problems found after parsing (in
 * the bound values or the tree) can still be reported at a line and column. A field is located at its
 * key, a list element at its value.
 */
final class YamlLocations {
    private final Map<JsonPointer, JsonLocation> locations;

    private YamlLocations(Map<JsonPointer, JsonLocation> locations) {
        this.locations = locations;
    }

    /**
     * Reads the first document of {@code text}.
     *
     * @throws IOException (a {@link com.fasterxml.jackson.core.JsonProcessingException} with a location)
     *                     on a syntax error or a duplicate key; or if the text holds more than one document
     */
    static YamlLocations index(ObjectMapper mapper, String text) throws IOException {
        Map<JsonPointer, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = mapper.createParser(text)) {
            int depth = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                JsonPointer here = parser.getParsingContext().pathAsPointer();
                if (t == JsonToken.FIELD_NAME) {
                    locations.put(here, parser.currentTokenLocation());
                } else if (!t.isStructEnd()) {
                    locations.putIfAbsent(here, parser.currentTokenLocation());
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                if (depth == 0 && parser.nextToken() != null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser,
                            "a protocol file holds one YAML document; found another one here",
                            parser.currentTokenLocation());
                }
            }
        }
        return new YamlLocations(locations);
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
