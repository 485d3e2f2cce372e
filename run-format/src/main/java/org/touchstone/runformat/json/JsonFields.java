package org.touchstone.runformat.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Strict reading of the fields of a JSON object sent across a boundary (the worker protocol, the HTTP API,
 * the system descriptor): each accessor checks the field's type and names the field in its error. Names of
 * enum constants are their lower-case forms ({@code verification_enrolment}, {@code png}).
 *
 * <p>Numbers are read as written by either side: a JSON number, or, for a value that is not finite, one of the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (which {@link #putNumber} writes), so that a
 * non-finite score can be recorded as invalid output instead of failing the message.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /**
     * An enum constant's name on the wire.
     *
     * @param value an enum constant
     * @return its name, lower case
     */
    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads an enum constant by its wire name.
     *
     * @param type  the enum
     * @param field the field being read, for the message
     * @param name  a wire name
     * @param <E>   the enum type
     * @return the constant
     * @throws JsonFormatException if no constant has that name
     */
    public static <E extends Enum<E>> E parseName(Class<E> type, String field, String name)
            throws JsonFormatException {
        List<String> known = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(name)) {
                return constant;
            }
            known.add(name(constant));
        }
        throw new JsonFormatException(field + ": unknown value '" + name + "', expected one of " + known);
    }

    /**
     * A required string field.
     *
     * @param node  an object
     * @param field a field name
     * @return its text value
     * @throws JsonFormatException if absent or not a string
     */
    public static String text(JsonNode node, String field) throws JsonFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new JsonFormatException("'" + field + "' must be a string" + found(value));
        }
        return value.asText();
    }

    /**
     * An optional string field.
     *
     * @param node     an object
     * @param field    a field name
     * @param fallback the value when absent or null
     * @return its text value
     * @throws JsonFormatException if present but not a string
     */
    public static String text(JsonNode node, String field, String fallback) throws JsonFormatException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : text(node, field);
    }

    /**
     * A required integer field.
     *
     * @param node  an object
     * @param field a field name
     * @return its integer value
     * @throws JsonFormatException if absent or not an integer
     */
    public static long integer(JsonNode node, String field) throws JsonFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new JsonFormatException("'" + field + "' must be an integer" + found(value));
        }
        return value.asLong();
    }

    /**
     * A required array field.
     *
     * @param node  an object
     * @param field a field name
     * @return its array value
     * @throws JsonFormatException if absent or not an array
     */
    public static ArrayNode array(JsonNode node, String field) throws JsonFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new JsonFormatException("'" + field + "' must be an array" + found(value));
        }
        return (ArrayNode) value;
    }

    /**
     * A required object field.
     *
     * @param node  an object
     * @param field a field name
     * @return its object value
     * @throws JsonFormatException if absent or not an object
     */
    public static ObjectNode objectField(JsonNode node, String field) throws JsonFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new JsonFormatException("'" + field + "' must be an object" + found(value));
        }
        return (ObjectNode) value;
    }

    /**
     * A required number field, finite or not.
     *
     * @param node  an object
     * @param field a field name
     * @return the number
     * @throws JsonFormatException if absent or not a number
     */
    public static double number(JsonNode node, String field) throws JsonFormatException {
        JsonNode value = node.get(field);
        if (value != null && value.isNumber()) {
            return value.doubleValue();
        }
        if (value != null && value.isTextual()) {
            switch (value.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new JsonFormatException("'" + field + "' must be a number" + found(value));
    }

    /**
     * Writes a number so that {@link #number} reads it back bit for bit.
     *
     * @param target an object
     * @param field  a field name
     * @param value  any double; non-finite values are written as strings
     */
    public static void putNumber(ObjectNode target, String field, double value) {
        if (Double.isFinite(value)) {
            target.put(field, value);
        } else {
            target.put(field, Double.toString(value));
        }
    }

    /**
     * An optional object of strings.
     *
     * @param node  a JSON object of strings, or null
     * @param field its name, for messages
     * @return the map, in document order (empty when the node is absent or null)
     * @throws JsonFormatException if it is not an object of strings
     */
    public static Map<String, String> stringMap(JsonNode node, String field) throws JsonFormatException {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new JsonFormatException("'" + field + "' must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new JsonFormatException("'" + field + "." + e.getKey() + "' must be a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    /**
     * A JSON value in a message, shortened.
     *
     * @param value any JSON value
     * @return its text, at most 80 characters
     */
    public static String abbreviate(JsonNode value) {
        String s = value.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String found(JsonNode value) {
        return value == null ? " (missing)" : ", was " + abbreviate(value);
    }
}
