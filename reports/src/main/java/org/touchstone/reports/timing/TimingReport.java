package org.touchstone.reports.timing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.input.TimingData;
import org.touchstone.reports.rendering.CsvTables;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;
import org.touchstone.reports.rendering.RenderedReport;

/**
 * The speed and size part of a run's report, from {@code timing.csv} and run.json's {@code resources}:
 * the {@code timing} block of metrics.json, {@value #TIMING} and {@value #RESOURCES}. Whatever the
 * capability, it is added to the capability's report. Timings are measurements of one machine under its
 * load: unlike every other number of the report they differ from run to run.
 */
public final class TimingReport {
    /** The timing table, relative to the run directory. */
    public static final String TIMING = "tables/timing.csv";
    /** The resources table, relative to the run directory. */
    public static final String RESOURCES = "tables/resources.csv";

    private static final List<String> TIMING_COLUMNS = List.of("record", "name", "unit", "count", "failures", "p50",
            "p90", "p99", "max", "mean", "seconds", "per_second");

    private TimingReport() {
    }

    /**
     * @param report the capability's report
     * @param timing the run's timing
     * @return the report with the timing tables and metrics.json's {@code timing} block
     */
    public static RenderedReport addTo(RenderedReport report, TimingData timing) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put(TIMING, timingTable(timing));
        if (timing.resources() != null) {
            tables.put(RESOURCES, resourcesTable(timing.resources()));
        }
        return report.withSection("timing", json(timing), tables);
    }

    private static byte[] timingTable(TimingData timing) {
        List<List<String>> rows = new ArrayList<>();
        for (TimingData.Distribution d : timing.latencies()) {
            rows.add(distributionRow("latency", d));
        }
        timing.templateSizes().ifPresent(d -> rows.add(distributionRow("size", d)));
        for (TimingData.Stage s : timing.stages()) {
            rows.add(List.of("stage", s.name(), s.unit(), Long.toString(s.items()), "", "", "", "", "", "",
                    Numbers.exact(s.seconds()), Numbers.exact(s.perSecond())));
        }
        return CsvTables.csv(TIMING_COLUMNS, rows);
    }

    private static List<String> distributionRow(String record, TimingData.Distribution d) {
        return List.of(record, d.name(), d.unit(), Long.toString(d.count()),
                d.failures() < 0 ? "" : Long.toString(d.failures()), Long.toString(d.p50()), Long.toString(d.p90()),
                Long.toString(d.p99()), Long.toString(d.max()), Numbers.exact(d.mean()), "", "");
    }

    /** One row per value of the resources block, nested fields named by their path (a.b). */
    private static byte[] resourcesTable(JsonNode resources) {
        List<List<String>> rows = new ArrayList<>();
        flatten("", resources, rows);
        return CsvTables.csv(List.of("resource", "value"), rows);
    }

    private static void flatten(String prefix, JsonNode node, List<List<String>> rows) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix + field.getKey();
            if (field.getValue().isObject()) {
                flatten(name + ".", field.getValue(), rows);
            } else {
                rows.add(List.of(name, field.getValue().isNull() ? "" : field.getValue().asText()));
            }
        }
    }

    private static ObjectNode json(TimingData timing) {
        ObjectNode node = MetricsJson.NODES.objectNode();
        node.put("source", TimingData.FILE);
        ArrayNode latencies = node.putArray("latencies");
        for (TimingData.Distribution d : timing.latencies()) {
            ObjectNode o = latencies.addObject();
            o.put("operation", d.name());
            distribution(o, d);
        }
        timing.templateSizes().ifPresentOrElse(d -> distribution(node.putObject("template_size"), d),
                () -> node.putNull("template_size"));
        ArrayNode stages = node.putArray("stages");
        for (TimingData.Stage s : timing.stages()) {
            ObjectNode o = stages.addObject();
            o.put("stage", s.name());
            o.put("unit", s.unit());
            o.put("items", s.items());
            MetricsJson.number(o, "seconds", s.seconds());
            MetricsJson.number(o, "per_second", s.perSecond());
        }
        node.set("resources", timing.resources() == null ? MetricsJson.NODES.nullNode() : timing.resources().deepCopy());
        return node;
    }

    private static void distribution(ObjectNode o, TimingData.Distribution d) {
        o.put("unit", d.unit());
        o.put("count", d.count());
        if (d.failures() >= 0) {
            o.put("failures", d.failures());
        }
        o.put("p50", d.p50());
        o.put("p90", d.p90());
        o.put("p99", d.p99());
        o.put("max", d.max());
        MetricsJson.number(o, "mean", d.mean());
    }
}
