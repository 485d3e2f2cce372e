package org.touchstone.reports.rendering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.reports.input.VerificationRunSettings;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.reports.verification.ThresholdOrigin;

/**
 * What every capability's {@code metrics.json} shares: the opening fields, the closing {@code tables} and
 * {@code figures}, how a number, a rate and an interval are written, and the one serialisation (two-space
 * indent, {@code \n} line ends, a final newline), so that the file is byte-for-byte stable. Each
 * capability's report writes its own blocks between them; fields are documented in
 * {@code docs/run-directory.md}. Undefined numbers (a rate with no trials) are null.
 */
public final class MetricsJson {
    /** The format tag written into metrics.json. */
    public static final String FORMAT = "touchstone-metrics/1";
    /** The file, relative to the run directory. */
    public static final String FILE = "metrics.json";
    /** Where every node of a metrics.json is made. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // Fixed "\n" line ends: the default indenter uses the platform's line separator.
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {
    }

    /**
     * The fields every metrics.json starts with.
     *
     * @param runId         the run's id, or null
     * @param system        the system under test
     * @param capability    run.json's capability
     * @param failurePolicy the failure policy's label
     * @return the document's root, to which the capability adds its blocks
     */
    public static ObjectNode header(String runId, VerificationRunSettings.SystemSummary system, String capability,
                                    String failurePolicy) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("run_id", runId);
        root.set("system", system(system));
        root.put("capability", capability);
        root.put("failure_policy", failurePolicy);
        return root;
    }

    /**
     * Adds the {@code tables} and {@code figures} arrays and serialises the document.
     *
     * @param root    the document
     * @param tables  the table files written, relative paths
     * @param figures the figures written
     * @return UTF-8 bytes ending with a newline
     */
    public static byte[] finish(ObjectNode root, List<String> tables, List<Figure> figures) {
        ArrayNode tableNames = root.putArray("tables");
        tables.forEach(tableNames::add);
        ArrayNode figureNodes = root.putArray("figures");
        for (Figure figure : figures) {
            ObjectNode node = figureNodes.addObject();
            node.put("name", figure.name());
            ArrayNode files = node.putArray("files");
            figure.files().keySet().forEach(files::add);
            node.put("caption", figure.caption());
            ArrayNode notes = node.putArray("notes");
            figure.notes().forEach(notes::add);
        }
        return serialise(root);
    }

    /**
     * Adds a block and tables to a rendered metrics.json: the block goes just before {@code tables}, the
     * tables at the end of {@code tables}; every other byte stays as it was.
     *
     * @param metrics a metrics.json as {@link #finish} serialised it
     * @param field   the block's name
     * @param block   the block
     * @param tables  relative paths of further tables
     * @return the new metrics.json
     */
    static byte[] withSection(byte[] metrics, String field, JsonNode block, List<String> tables) {
        ObjectNode parsed;
        try {
            parsed = (ObjectNode) MAPPER.readTree(metrics);
        } catch (IOException e) {
            throw new IllegalStateException("metrics.json as rendered is always valid JSON", e);
        }
        ObjectNode root = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("tables")) {
                root.set(field, block);
                ArrayNode names = root.putArray("tables");
                entry.getValue().forEach(names::add);
                tables.forEach(names::add);
            } else {
                root.set(entry.getKey(), entry.getValue());
            }
        }
        return serialise(root);
    }

    private static byte[] serialise(ObjectNode root) {
        try {
            return (MAPPER.writer(PRINTER).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /**
     * A rate's counts, value and intervals, as {@code events}, {@code trials}, {@code rate},
     * {@code rate_ci95}, {@code rate_wilson95} and {@code rate_upper95}.
     *
     * @param node       where to write
     * @param events     the field of the events
     * @param trials     the field of the trials
     * @param rate       the field of the rate, also the stem of its intervals' fields
     * @param proportion the rate
     */
    public static void proportion(ObjectNode node, String events, String trials, String rate, Proportion proportion) {
        node.put(events, proportion.events());
        node.put(trials, proportion.trials());
        number(node, rate, proportion.rate());
        interval(node, rate + "_ci95", proportion.ci95());
        interval(node, rate + "_wilson95", proportion.wilson95());
        number(node, rate + "_upper95", proportion.upper95());
    }

    /**
     * An interval as {@code lower}, {@code upper}, {@code level} and {@code method}.
     *
     * @param node  where to write
     * @param field the interval's field
     * @param ci    the interval, or null for a null field
     */
    public static void interval(ObjectNode node, String field, ConfidenceInterval ci) {
        if (ci == null) {
            node.putNull(field);
            return;
        }
        ObjectNode interval = node.putObject(field);
        number(interval, "lower", ci.lower());
        number(interval, "upper", ci.upper());
        number(interval, "level", ci.level());
        interval.put("method", ci.method());
    }

    /**
     * A number, or null when it is NaN or infinite.
     *
     * @param node  where to write
     * @param field the field
     * @param value the number
     */
    public static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /**
     * The value of {@code threshold_origin}, in metrics.json and tables.
     *
     * @param origin how an operating point's threshold was found
     * @return its lower-case name
     */
    public static String origin(ThresholdOrigin origin) {
        return origin.name().toLowerCase(Locale.ROOT);
    }

    /**
     * How a named threshold's operating point is named in metrics.json and tables, e.g.
     * {@code threshold:default}.
     *
     * @param threshold the named threshold
     * @return its operating point's name
     */
    public static String thresholdName(NamedThreshold threshold) {
        return "threshold:" + threshold.name();
    }

    private static ObjectNode system(VerificationRunSettings.SystemSummary system) {
        ObjectNode node = NODES.objectNode();
        node.put("id", system.id());
        node.put("vendor", system.vendor());
        node.put("name", system.name());
        node.put("version", system.version());
        if (Double.isNaN(system.scoreRangeMin())) {
            node.putNull("score_range");
        } else {
            ObjectNode range = node.putObject("score_range");
            number(range, "min", system.scoreRangeMin());
            number(range, "max", system.scoreRangeMax());
        }
        return node;
    }
}
