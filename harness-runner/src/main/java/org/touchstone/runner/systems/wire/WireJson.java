package org.touchstone.runner.systems.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.api.Attribute;
import org.touchstone.api.AttributeEstimate;
import org.touchstone.api.BoundingBox;
import org.touchstone.api.Candidate;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.TemplateRole;
import org.touchstone.runformat.descriptor.DescriptorJson;
import org.touchstone.runformat.json.JsonFields;
import org.touchstone.runformat.json.JsonFormatException;

/**
 * The JSON shapes shared by the worker protocol ({@code docs/worker-protocol.md}) and the HTTP API
 * ({@code docs/http-api.yaml}): the system descriptor, failures, comparison results, candidate lists and
 * face analyses. Names are the lower-case forms of the SPI's enums ({@code verification_enrolment},
 * {@code png}, {@code face_detection_error} is written {@code FACE_DETECTION_ERROR}: failure codes keep
 * their upper-case names, as in the run directory).
 *
 * <p>Scores are JSON numbers, which both Java and Python write in shortest round-trip form, so a score
 * crosses the boundary bit for bit. A score that is not finite is written as the string {@code "NaN"},
 * {@code "Infinity"} or {@code "-Infinity"} (Python's bare {@code NaN} tokens are accepted too), so that
 * the harness can record it as invalid output instead of failing to parse the message.
 */
public final class WireJson {
    /**
     * The longest string value read, in characters: above any message's whole size (serve's 64 MiB bodies, the
     * worker protocol's 16 MiB headers), so that only those limits apply. Jackson's own default (20 million)
     * refused a 20 MB base64 image inside a 64 MiB body with its internal limit text.
     */
    static final int MAX_STRING_CHARS = Integer.MAX_VALUE;
    /** The deepest nesting read: no message nests more than a few levels. */
    static final int MAX_NESTING = 64;

    /** The mapper every boundary uses: tolerant of non-finite number tokens when reading. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS)
                            .maxNestingDepth(MAX_NESTING).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // Scores cross the wire as decimal text, hundreds per call: the JDK's conversions both ways were
            // a fifth of a remote comparison's cost. Both are exact (shortest round-trip text, correctly rounded
            // parse), so a score arrives bit for bit as the system gave it.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireJson() {
    }

    /** @return a new empty JSON object */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * @param json UTF-8 JSON text
     * @return the object it holds
     * @throws MalformedMessageException if it is not a JSON object
     */
    public static ObjectNode parseObject(byte[] json) throws MalformedMessageException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            // Jackson's text names its internal settings; say what the message broke instead.
            throw new MalformedMessageException("the JSON breaks a reading limit: no value nested deeper than "
                    + MAX_NESTING + " levels, no number longer than "
                    + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits", e);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new MalformedMessageException("not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedMessageException("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        return (ObjectNode) node;
    }

    /**
     * @param node a JSON value
     * @return its UTF-8 text
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    // ---- names and fields: the strict readers every boundary shares (run-format's JsonFields) -------------

    /** A call of one of {@link JsonFields}' readers. */
    @FunctionalInterface
    private interface FieldRead<T> {
        T read() throws JsonFormatException;
    }

    /** Reads a field through {@link JsonFields}, its complaint becoming this boundary's. */
    private static <T> T field(FieldRead<T> read) throws MalformedMessageException {
        try {
            return read.read();
        } catch (JsonFormatException e) {
            throw new MalformedMessageException(e.getMessage(), e);
        }
    }

    /**
     * @param value an enum constant
     * @return its wire name (lower case)
     */
    public static String name(Enum<?> value) {
        return JsonFields.name(value);
    }

    /**
     * @param type  the enum
     * @param field the field being read, for the message
     * @param name  a wire name
     * @param <E>   the enum type
     * @return the constant
     * @throws MalformedMessageException if no constant has that name
     */
    public static <E extends Enum<E>> E parseName(Class<E> type, String field, String name)
            throws MalformedMessageException {
        return field(() -> JsonFields.parseName(type, field, name));
    }

    /**
     * @param field the field being read
     * @param name  a role's wire name
     * @return the role
     * @throws MalformedMessageException if unknown
     */
    public static TemplateRole role(String field, String name) throws MalformedMessageException {
        return parseName(TemplateRole.class, field, name);
    }

    /**
     * @param field the field being read
     * @param name  an image format's wire name
     * @return the format
     * @throws MalformedMessageException if unknown
     */
    public static ImageFormat format(String field, String name) throws MalformedMessageException {
        return parseName(ImageFormat.class, field, name);
    }

    /**
     * @param node  an object
     * @param field a field name
     * @return its text value
     * @throws MalformedMessageException if absent or not a string
     */
    public static String text(JsonNode node, String field) throws MalformedMessageException {
        return field(() -> JsonFields.text(node, field));
    }

    /**
     * @param node     an object
     * @param field    a field name
     * @param fallback the value when absent or null
     * @return its text value
     * @throws MalformedMessageException if present but not a string
     */
    public static String text(JsonNode node, String field, String fallback) throws MalformedMessageException {
        return field(() -> JsonFields.text(node, field, fallback));
    }

    /**
     * @param node  an object
     * @param field a field name
     * @return its integer value
     * @throws MalformedMessageException if absent or not an integer
     */
    public static long integer(JsonNode node, String field) throws MalformedMessageException {
        return field(() -> JsonFields.integer(node, field));
    }

    /**
     * @param node  an object
     * @param field a field name
     * @return its array value
     * @throws MalformedMessageException if absent or not an array
     */
    public static ArrayNode array(JsonNode node, String field) throws MalformedMessageException {
        return field(() -> JsonFields.array(node, field));
    }

    /**
     * @param node  an object
     * @param field a field name
     * @return its object value
     * @throws MalformedMessageException if absent or not an object
     */
    public static ObjectNode objectField(JsonNode node, String field) throws MalformedMessageException {
        return field(() -> JsonFields.objectField(node, field));
    }

    /**
     * Reads binary data written as a base64 string (by Jackson, or any RFC 4648 encoder with padding).
     *
     * @param value the JSON value
     * @param field its name, for the message
     * @return the bytes
     * @throws MalformedMessageException if it is not a valid base64 string
     */
    public static byte[] base64(JsonNode value, String field) throws MalformedMessageException {
        if (value == null || !value.isTextual()) {
            throw new MalformedMessageException("'" + field + "' must be a base64 string"
                    + (value == null ? " (missing)" : ", was " + JsonFields.abbreviate(value)));
        }
        try {
            return value.binaryValue();
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new MalformedMessageException("'" + field + "' is not valid base64: " + e.getMessage(), e);
        }
    }

    /**
     * A number as written by either side: a JSON number, or one of the strings {@code NaN},
     * {@code Infinity}, {@code -Infinity}.
     *
     * @param node  an object
     * @param field a field name
     * @return the number
     * @throws MalformedMessageException if absent or not a number
     */
    public static double number(JsonNode node, String field) throws MalformedMessageException {
        return field(() -> JsonFields.number(node, field));
    }

    /**
     * @param target an object
     * @param field  a field name
     * @param value  any double; non-finite values are written as strings
     */
    public static void putNumber(ObjectNode target, String field, double value) {
        JsonFields.putNumber(target, field, value);
    }

    // ---- failures ------------------------------------------------------------------------------------

    /**
     * @param failure a failure
     * @return {@code {"code": "...", "message": "..."}}
     */
    public static ObjectNode failure(Failure failure) {
        ObjectNode node = object();
        node.put("code", failure.code().name());
        node.put("message", failure.message());
        return node;
    }

    /**
     * Reads a failure as a system reported it. Any code is accepted, including the harness-assigned
     * ones: the guards that receive it decide what a system returning them means.
     *
     * @param node {@code {"code": "...", "message": "..."}}
     * @return the failure
     * @throws MalformedMessageException if the code is unknown
     */
    public static Failure parseFailure(JsonNode node) throws MalformedMessageException {
        if (node == null || !node.isObject()) {
            throw new MalformedMessageException("a failure must be an object with 'code' and 'message'");
        }
        String code = text(node, "code");
        try {
            return new Failure(FailureCode.valueOf(code), text(node, "message", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("unknown failure code '" + code + "'");
        }
    }

    // ---- comparison results ------------------------------------------------------------------------

    /**
     * Writes comparison results as a system returned them. An item that is not a result at all (null,
     * or another type smuggled past erased generics) is written as an {@code INVALID_OUTPUT} failure, so
     * that the harness records that one comparison as invalid, exactly as it would in its own JVM.
     *
     * @param results comparison results
     * @return {@code [{"score": 0.5}, {"failure": {...}}, ...]}
     */
    public static ArrayNode comparisonResults(List<?> results) {
        ArrayNode array = NODES.arrayNode(results.size());
        for (Object o : results) {
            ObjectNode item = array.addObject();
            if (!(o instanceof ComparisonResult r)) {
                item.set("failure", failure(new Failure(FailureCode.INVALID_OUTPUT, "compare returned "
                        + (o == null ? "null" : "a " + o.getClass().getName()))));
            } else if (r.isSuccess()) {
                putNumber(item, "score", r.similarity());
            } else {
                item.set("failure", failure(r.failure().orElseThrow()));
            }
        }
        return array;
    }

    /**
     * A whole comparison reply, {@code {"results": [...]}} as {@link #comparisonResults} would make it,
     * written straight to bytes: a remote call answers hundreds of comparisons, and building a tree node per
     * result first was most of what {@code serve} spent beyond the system's own work.
     *
     * @param results comparison results
     * @return the reply's JSON
     */
    public static byte[] comparisonReply(List<?> results) {
        return written(24 + 32 * results.size(), out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("results");
            for (Object o : results) {
                out.writeStartObject();
                if (!(o instanceof ComparisonResult r)) {
                    out.writeFieldName("failure");
                    out.writeTree(failure(new Failure(FailureCode.INVALID_OUTPUT, "compare returned "
                            + (o == null ? "null" : "a " + o.getClass().getName()))));
                } else if (r.isSuccess()) {
                    double score = r.similarity();
                    out.writeFieldName("score");
                    if (Double.isFinite(score)) {
                        out.writeNumber(score);
                    } else {
                        out.writeString(Double.toString(score)); // as putNumber writes it
                    }
                } else {
                    out.writeFieldName("failure");
                    out.writeTree(failure(r.failure().orElseThrow()));
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    /** What {@link #written} writes. */
    @FunctionalInterface
    public interface JsonWriting {
        /**
         * @param out the generator
         * @throws IOException never, into memory
         */
        void writeTo(JsonGenerator out) throws IOException;
    }

    /**
     * JSON written with a generator straight to bytes, for messages too large to build as a tree first.
     *
     * @param sizeHint the expected length, to size the buffer
     * @param writing  what to write
     * @return the bytes
     */
    public static byte[] written(int sizeHint, JsonWriting writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator out = MAPPER.getFactory().createGenerator(bytes)) {
            writing.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a comparison reply in its plain form, {@code {"results": [{"score": 0.5}, ...]}} with every result
     * a finite score, straight from its bytes; anything else (a failure, a non-finite score, another field,
     * another count, broken JSON) is left to the tree reader, {@link #parseComparisonResults}, whose checks
     * and messages are the reference. Only the common case is made fast, so this needs no error paths of its own.
     *
     * @param reply    the reply's bytes
     * @param expected how many results the request asked for
     * @return the results, or null when the reply is not in the plain form
     */
    public static List<ComparisonResult> plainComparisonResults(byte[] reply, int expected) {
        try (JsonParser in = MAPPER.getFactory().createParser(reply)) {
            if (in.nextToken() != JsonToken.START_OBJECT || in.nextToken() != JsonToken.FIELD_NAME
                    || !"results".equals(in.currentName()) || in.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<ComparisonResult> results = new ArrayList<>(expected);
            JsonToken token;
            while ((token = in.nextToken()) == JsonToken.START_OBJECT) {
                if (in.nextToken() != JsonToken.FIELD_NAME || !"score".equals(in.currentName())) {
                    return null;
                }
                JsonToken value = in.nextToken();
                if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
                    return null;
                }
                double score = in.getDoubleValue();
                if (!Double.isFinite(score) || in.nextToken() != JsonToken.END_OBJECT) {
                    return null;
                }
                results.add(ComparisonResult.score(score));
            }
            if (token != JsonToken.END_ARRAY || in.nextToken() != JsonToken.END_OBJECT || in.nextToken() != null
                    || results.size() != expected) {
                return null;
            }
            return results;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param array    as written by {@link #comparisonResults}
     * @param expected how many results the request asked for
     * @return the results
     * @throws MalformedMessageException if an item is neither a score nor a failure, or the count differs
     */
    public static List<ComparisonResult> parseComparisonResults(JsonNode array, int expected)
            throws MalformedMessageException {
        if (array == null || !array.isArray()) {
            throw new MalformedMessageException("'results' must be an array");
        }
        if (array.size() != expected) {
            throw new MalformedMessageException("expected " + expected + " comparison results, got " + array.size());
        }
        List<ComparisonResult> results = new ArrayList<>(expected);
        for (JsonNode item : array) {
            if (item.has("failure")) {
                Failure f = parseFailure(item.get("failure"));
                results.add(ComparisonResult.failure(f.code(), f.message()));
            } else if (item.has("score")) {
                results.add(ComparisonResult.score(number(item, "score")));
            } else {
                throw new MalformedMessageException("a comparison result needs 'score' or 'failure', was "
                        + JsonFields.abbreviate(item));
            }
        }
        return results;
    }

    // ---- candidates --------------------------------------------------------------------------------

    /**
     * @param candidates a candidate list
     * @return {@code [{"id": "...", "score": 0.9}, ...]}
     */
    public static ArrayNode candidates(List<Candidate> candidates) {
        ArrayNode array = NODES.arrayNode(candidates.size());
        for (Candidate c : candidates) {
            ObjectNode item = array.addObject();
            item.put("id", c.templateId());
            putNumber(item, "score", c.score());
        }
        return array;
    }

    /**
     * Reads a candidate list as sent, without judging its order or length (the harness's guards do).
     *
     * @param array as written by {@link #candidates}
     * @return the candidates
     * @throws MalformedMessageException if an item lacks an id or a score
     */
    public static List<Candidate> parseCandidates(JsonNode array) throws MalformedMessageException {
        if (array == null || !array.isArray()) {
            throw new MalformedMessageException("'candidates' must be an array");
        }
        List<Candidate> candidates = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            candidates.add(new Candidate(text(item, "id"), number(item, "score")));
        }
        return candidates;
    }

    // ---- analyses ----------------------------------------------------------------------------------

    /**
     * @param faces face analyses
     * @return {@code [{"box": {...} | null, "detection_confidence": 0.9, "estimates": [...]}, ...]}
     */
    public static ArrayNode analyses(List<FaceAnalysis> faces) {
        ArrayNode array = NODES.arrayNode(faces.size());
        for (FaceAnalysis face : faces) {
            ObjectNode item = array.addObject();
            if (face.box().isPresent()) {
                BoundingBox b = face.box().get();
                ObjectNode box = item.putObject("box");
                box.put("x", b.x());
                box.put("y", b.y());
                box.put("width", b.width());
                box.put("height", b.height());
            } else {
                item.putNull("box");
            }
            item.put("detection_confidence", face.detectionConfidence());
            ArrayNode estimates = item.putArray("estimates");
            for (AttributeEstimate e : face.estimates().values()) {
                ObjectNode estimate = estimates.addObject();
                estimate.put("attribute", e.attribute().name());
                e.label().ifPresent(l -> estimate.put("label", l));
                if (e.value().isPresent()) {
                    estimate.put("value", e.value().getAsDouble());
                }
                estimate.put("confidence", e.confidence());
            }
        }
        return array;
    }

    /**
     * Reads face analyses, resolving attribute names against those the system declares.
     *
     * @param array    as written by {@link #analyses}
     * @param declared the attributes in the system's descriptor
     * @return the analyses
     * @throws MalformedMessageException if an attribute is not declared or a value breaks the SPI's rules
     *                                   (confidence outside [0, 1], unknown label, bad box)
     */
    public static List<FaceAnalysis> parseAnalyses(JsonNode array, List<Attribute> declared)
            throws MalformedMessageException {
        if (array == null || !array.isArray()) {
            throw new MalformedMessageException("'faces' must be an array");
        }
        Map<String, Attribute> byName = new LinkedHashMap<>();
        declared.forEach(a -> byName.put(a.name(), a));
        List<FaceAnalysis> faces = new ArrayList<>(array.size());
        try {
            for (JsonNode item : array) {
                BoundingBox box = null;
                JsonNode b = item.get("box");
                if (b != null && !b.isNull()) {
                    box = new BoundingBox(number(b, "x"), number(b, "y"), number(b, "width"), number(b, "height"));
                }
                List<AttributeEstimate> estimates = new ArrayList<>();
                for (JsonNode e : array(item, "estimates")) {
                    String name = text(e, "attribute");
                    Attribute attribute = byName.get(name);
                    if (attribute == null) {
                        throw new MalformedMessageException("attribute '" + name + "' is not declared by the system"
                                + " (declared: " + byName.keySet() + ")");
                    }
                    double confidence = number(e, "confidence");
                    estimates.add(attribute.kind() == Attribute.Kind.CATEGORICAL
                            ? AttributeEstimate.label(attribute, text(e, "label"), confidence)
                            : AttributeEstimate.value(attribute, number(e, "value"), confidence));
                }
                faces.add(FaceAnalysis.of(box, number(item, "detection_confidence"), estimates));
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("face analysis breaks the SPI's rules: " + e.getMessage(), e);
        }
        return faces;
    }

    // ---- descriptor: run-format's codec, shared with run.json -------------------------------------------

    /**
     * @param d a descriptor
     * @return its JSON form (see the protocol documents)
     */
    public static ObjectNode descriptor(SystemDescriptor d) {
        return DescriptorJson.toJson(d);
    }

    /**
     * Reads and checks a descriptor.
     *
     * @param node its JSON form
     * @return the descriptor
     * @throws MalformedMessageException naming every missing or inconsistent field
     */
    public static SystemDescriptor parseDescriptor(JsonNode node) throws MalformedMessageException {
        return field(() -> DescriptorJson.fromJson(node));
    }

    /**
     * @param map string properties
     * @return them as a JSON object, in the map's order
     */
    public static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode node = object();
        map.forEach(node::put);
        return node;
    }

    /**
     * @param node  a JSON object of strings
     * @param field its name, for messages
     * @return the map, in document order
     * @throws MalformedMessageException if it is not an object of strings
     */
    public static Map<String, String> stringMap(JsonNode node, String field) throws MalformedMessageException {
        return field(() -> JsonFields.stringMap(node, field));
    }
}
