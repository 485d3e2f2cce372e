package org.touchstone.runformat.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.api.Attribute;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.OperatingThreshold;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runformat.json.JsonFields;
import org.touchstone.runformat.json.JsonFormatException;
import org.touchstone.runformat.runjson.ArtifactBlock;
import org.touchstone.runformat.runjson.ScoreRangeBlock;
import org.touchstone.runformat.runjson.SystemBlock;
import org.touchstone.runformat.runjson.ThresholdEntry;

/**
 * The one place a {@link SystemDescriptor} becomes JSON and back. It has two documented shapes:
 * <ul>
 * <li>the <em>wire</em> form ({@link #toJson}, {@link #fromJson}), which the worker protocol
 * ({@code docs/worker-protocol.md}) and the HTTP API ({@code docs/http-api.yaml}, schema {@code Descriptor})
 * exchange and which reads back to an equal descriptor: vendor attributes ({@code x-} names) carry their kind
 * and labels, an unbounded score-range bound is {@code null};</li>
 * <li>the <em>run record</em> ({@link #toRunRecord}), run.json's {@code system} block: a provenance record of
 * format {@code touchstone-run/1}, which lists attributes by name, marks each threshold's source and adds
 * where the code came from. Run directories holding it exist, so its shape stays as it is.</li>
 * </ul>
 * Both name enum constants in lower case and copy properties in the descriptor's order.
 */
public final class DescriptorJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Vendor attributes' names start with this; only theirs carry a kind and labels on the wire. */
    private static final String VENDOR_ATTRIBUTE = "x-";

    private DescriptorJson() {
    }

    /**
     * The wire form.
     *
     * @param d a descriptor
     * @return its JSON, fields in the documents' order
     */
    public static ObjectNode toJson(SystemDescriptor d) {
        ObjectNode node = NODES.objectNode();
        node.put("id", d.id());
        node.put("vendor", d.vendor());
        node.put("name", d.name());
        node.put("version", d.version());
        node.put("description", d.description());
        node.put("api_version", d.apiVersion());
        node.set("capabilities", names(d.capabilities()));
        d.scoreRange().ifPresent(r -> {
            ObjectNode range = node.putObject("score_range");
            putBound(range, "min", r.min());
            putBound(range, "max", r.max());
        });
        ArrayNode thresholds = node.putArray("thresholds");
        for (OperatingThreshold t : d.thresholds()) {
            ObjectNode o = thresholds.addObject();
            o.put("name", t.name());
            o.put("capability", JsonFields.name(t.capability()));
            o.put("value", t.value());
            o.put("description", t.description());
        }
        ArrayNode attributes = node.putArray("attributes");
        for (Attribute a : d.attributes()) {
            ObjectNode o = attributes.addObject();
            o.put("name", a.name());
            if (a.name().startsWith(VENDOR_ATTRIBUTE)) {
                o.put("kind", JsonFields.name(a.kind()));
                ArrayNode labels = o.putArray("labels");
                a.labels().forEach(labels::add);
            }
        }
        node.put("concurrency", JsonFields.name(d.concurrency()));
        ObjectNode properties = node.putObject("properties");
        d.properties().forEach(properties::put);
        return node;
    }

    private static void putBound(ObjectNode node, String field, double bound) {
        if (Double.isInfinite(bound)) {
            node.putNull(field);
        } else {
            node.put(field, bound);
        }
    }

    /**
     * Reads and checks the wire form.
     *
     * @param node its JSON
     * @return the descriptor
     * @throws JsonFormatException naming every missing or inconsistent field
     */
    public static SystemDescriptor fromJson(JsonNode node) throws JsonFormatException {
        if (node == null || !node.isObject()) {
            throw new JsonFormatException("the descriptor must be a JSON object");
        }
        try {
            SystemDescriptor.Builder b = SystemDescriptor.builder(JsonFields.text(node, "id"))
                    .vendor(JsonFields.text(node, "vendor", null))
                    .name(JsonFields.text(node, "name", null))
                    .version(JsonFields.text(node, "version", null))
                    .description(JsonFields.text(node, "description", ""));
            String api = JsonFields.text(node, "api_version", null);
            if (api != null) {
                b.apiVersion(api);
            }
            for (JsonNode c : JsonFields.array(node, "capabilities")) {
                b.capabilities(JsonFields.parseName(Capability.class, "capabilities", c.asText()));
            }
            JsonNode range = node.get("score_range");
            if (range != null && !range.isNull()) {
                b.scoreRange(new ScoreRange(bound(range, "min", Double.NEGATIVE_INFINITY),
                        bound(range, "max", Double.POSITIVE_INFINITY)));
            }
            if (present(node, "thresholds")) {
                for (JsonNode t : JsonFields.array(node, "thresholds")) {
                    b.threshold(new OperatingThreshold(JsonFields.text(t, "name"),
                            JsonFields.parseName(Capability.class, "thresholds[].capability",
                                    JsonFields.text(t, "capability")),
                            JsonFields.number(t, "value"), JsonFields.text(t, "description", "")));
                }
            }
            if (present(node, "attributes")) {
                for (JsonNode a : JsonFields.array(node, "attributes")) {
                    b.attributes(attribute(a));
                }
            }
            String concurrency = JsonFields.text(node, "concurrency", null);
            if (concurrency != null) {
                b.concurrency(JsonFields.parseName(Concurrency.class, "concurrency", concurrency));
            }
            for (Map.Entry<String, String> p : JsonFields.stringMap(node.get("properties"), "properties").entrySet()) {
                b.property(p.getKey(), p.getValue());
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw new JsonFormatException("invalid system descriptor: " + e.getMessage(), e);
        }
    }

    private static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    private static double bound(JsonNode range, String field, double unbounded) throws JsonFormatException {
        return present(range, field) ? JsonFields.number(range, field) : unbounded;
    }

    private static Attribute attribute(JsonNode a) throws JsonFormatException {
        String name = JsonFields.text(a, "name");
        if (!name.startsWith(VENDOR_ATTRIBUTE)) {
            return Attribute.standard(name);
        }
        Attribute.Kind kind = JsonFields.parseName(Attribute.Kind.class, "attributes[].kind",
                JsonFields.text(a, "kind"));
        List<String> labels = new ArrayList<>();
        if (present(a, "labels")) {
            for (JsonNode label : JsonFields.array(a, "labels")) {
                labels.add(label.asText());
            }
        }
        return Attribute.vendor(name.substring(VENDOR_ATTRIBUTE.length()), kind, labels);
    }

    /**
     * The run record: run.json's {@code system} block (also {@code bench.json}'s).
     *
     * @param d            a descriptor
     * @param artifact     where the system's code came from
     * @param configSha256 a content hash of its configuration folder, or null for none
     * @return the block, without runtime properties (added once the system is open)
     */
    public static SystemBlock toRunRecord(SystemDescriptor d, ArtifactBlock artifact, String configSha256) {
        return new SystemBlock(d.id(), d.vendor(), d.name(), d.version(), d.description(), d.apiVersion(),
                names(d.capabilities()).valueStream().map(JsonNode::asText).toList(),
                d.scoreRange().map(r -> new ScoreRangeBlock(r.min(), r.max())).orElse(null),
                JsonFields.name(d.concurrency()), thresholds(d.thresholds()),
                d.attributes().stream().map(Attribute::name).toList(), new LinkedHashMap<>(d.properties()), artifact,
                configSha256, null);
    }

    /**
     * Thresholds as run.json lists them, with source {@value ThresholdEntry#VENDOR}.
     *
     * @param thresholds a descriptor's thresholds (or those of one capability)
     * @return them, in order
     */
    public static List<ThresholdEntry> thresholds(List<OperatingThreshold> thresholds) {
        return thresholds.stream().map(ThresholdEntry::ofVendor).toList();
    }

    private static ArrayNode names(Iterable<? extends Enum<?>> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(v -> array.add(JsonFields.name(v)));
        return array;
    }
}
