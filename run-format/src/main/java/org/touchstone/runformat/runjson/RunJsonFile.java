package org.touchstone.runformat.runjson;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.touchstone.runformat.RunDirectoryException;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.RunFormatVersion;
import org.touchstone.runformat.io.AtomicFiles;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runformat.json.LocatedJson;

/**
 * Writes and reads {@code run.json}: the one place that turns {@link RunJson} into bytes and back.
 *
 * <p>Writing is Jackson over the records: two-space indented, fields in component order, absent ones left
 * out, numbers in Java's shortest round-trip form, a final line feed.
 *
 * <p>Reading checks the format's version first, binds the file to the records strictly (a string is never
 * taken for a number, nor a fraction for a whole number), then checks what the format asks of every value
 * the reports use. Every problem is a {@link RunDirectoryException} naming the file, line, column and path
 * of the value at fault, for example {@code run.json line 7, column 24 (evaluation.fmr_targets[1]): expected
 * an FMR target in (0, 1], found 1.5}. Fields this version does not know are ignored.
 */
public final class RunJsonFile {
    /** The file's name in the run directory. */
    public static final String NAME = RunFiles.RUN_JSON;

    private static final ObjectMapper WRITER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final ObjectMapper READER = strictReader();

    private RunJsonFile() {
    }

    private static ObjectMapper strictReader() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // A value of another kind is an error, never converted: "0.65" is not a number, 5 not a name, 3.5 not a
        // count (a whole number is a number, though: 0 reads as 0.0).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /**
     * The file's complete content.
     *
     * @param run the record
     * @return UTF-8 JSON, ending with a line feed
     */
    public static byte[] bytes(RunJson run) {
        try {
            return (WRITER.writeValueAsString(run) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run.json's records always serialise", e);
        }
    }

    /**
     * Writes run.json atomically.
     *
     * @param runDir the run directory
     * @param run    the record
     * @throws IOException if it cannot be written
     */
    public static void write(Path runDir, RunJson run) throws IOException {
        AtomicFiles.write(runDir.resolve(NAME), bytes(run));
    }

    /**
     * A block of run.json as a JSON tree, for files that embed one (such as {@code bench.json}'s
     * {@code system} and {@code environment}) and for reports that copy one (such as {@code resources}).
     *
     * @param block one of this package's records
     * @return it as run.json writes it
     */
    public static JsonNode tree(Object block) {
        return WRITER.valueToTree(block);
    }

    /**
     * The SHA-256 of every file run.json's {@code files} block records: every file of the run directory but
     * run.json itself and its signature, files still being written and the checkpoint folder.
     *
     * @param runDir the run directory
     * @return the hashes by relative path ({@code /} separated), sorted
     * @throws IOException if a file cannot be read
     */
    public static Map<String, String> hashFiles(Path runDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runDir)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files) {
            String relative = runDir.relativize(file).toString().replace('\\', '/');
            if (RunFiles.isHashed(relative)) {
                hashes.put(relative, Sha256.hex(file));
            }
        }
        return hashes;
    }

    /**
     * Every field run.json's records define, for checking them against the specification.
     *
     * @return paths such as {@code harness.version}, {@code evaluation.thresholds[].name} (lists of objects
     *         marked {@code []}), objects and their fields alike, sorted
     */
    public static java.util.SortedSet<String> fieldPaths() {
        return RunJsonFields.of(WRITER.getSerializationConfig());
    }

    /**
     * run.json as read, with its JSON tree as it stands in the file (for showing it to people verbatim).
     *
     * @param run  the typed record
     * @param tree the document
     */
    public record Read(RunJson run, JsonNode tree) {
    }

    /**
     * Reads and checks run.json.
     *
     * @param file the run.json file
     * @return the record and the document
     * @throws RunDirectoryException when it is not a run.json of a known version, or a value the reports use
     *                               is missing or malformed (naming line, column and path)
     * @throws IOException           when it cannot be read
     */
    public static Read read(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path folder = file.toAbsolutePath().getParent();
            throw new RunDirectoryException(file, 0, 0, null, Files.isDirectory(folder)
                    ? "missing: " + folder + " is not a run directory (every run directory holds " + NAME
                            + ", written when its run starts)"
                    : "missing: there is no folder " + folder);
        }
        LocatedJson document = LocatedJson.read(file);
        RunFormatVersion version = version(document);
        RunJson run = switch (version) {
            // Version 2 changed which file holds the comparisons, not run.json: one binding reads both.
            case V1, V2 -> bindV1(document);
        };
        new RunJsonChecks(document).check(run);
        return new Read(run, document.root());
    }

    private static RunFormatVersion version(LocatedJson document) throws RunDirectoryException {
        JsonPointer pointer = JsonPointer.compile("/format");
        JsonNode format = document.at(pointer);
        List<String> known = RunFormatVersion.ids();
        String expected = known.size() == 1 ? "\"" + known.get(0) + "\"" : "one of " + known;
        if (format.isMissingNode() || format.isNull()) {
            throw document.missing(pointer, expected);
        }
        if (!format.isTextual()) {
            throw document.wrongKind(pointer, expected);
        }
        return RunFormatVersion.of(format.textValue()).orElseThrow(() -> document.error(pointer,
                "unsupported run-directory format \"" + format.textValue() + "\": expected " + expected));
    }

    private static RunJson bindV1(LocatedJson document) throws RunDirectoryException {
        JsonPointer evaluation = JsonPointer.compile("/evaluation");
        JsonNode block = document.at(evaluation);
        if (block.isMissingNode() || block.isNull()) {
            throw document.missing(evaluation, "an object");
        }
        if (!block.isObject()) {
            throw document.wrongKind(evaluation, "an object");
        }
        JsonPointer capabilityPointer = LocatedJson.child(evaluation, "capability");
        JsonNode capability = block.get("capability");
        String expected = "one of " + Evaluation.CAPABILITIES;
        if (capability == null || capability.isNull()) {
            throw document.missing(capabilityPointer, expected);
        }
        if (!capability.isTextual()) {
            throw document.wrongKind(capabilityPointer, expected);
        }
        if (!Evaluation.CAPABILITIES.contains(capability.textValue())) {
            throw document.error(capabilityPointer, "unknown capability \"" + capability.textValue() + "\": expected "
                    + expected);
        }
        try {
            return READER.treeToValue(document.root(), RunJson.class);
        } catch (JsonMappingException e) {
            throw located(document, e);
        } catch (JsonProcessingException e) {
            throw document.error(JsonPointer.empty(), e.getOriginalMessage());
        }
    }

    /** A binding error, at the value Jackson was reading, saying what kind of value was expected. */
    private static RunDirectoryException located(LocatedJson document, JsonMappingException e) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer = reference.getFieldName() != null ? LocatedJson.child(pointer, reference.getFieldName())
                    : LocatedJson.child(pointer, reference.getIndex());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return document.wrongKind(pointer, expectation(mismatch.getTargetType()));
        }
        return document.error(pointer, e.getOriginalMessage());
    }

    private static String expectation(Class<?> type) {
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a finite number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()
                    .toLowerCase(java.util.Locale.ROOT)).toList();
        }
        return "an object";
    }
}
