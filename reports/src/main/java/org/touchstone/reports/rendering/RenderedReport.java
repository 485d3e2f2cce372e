package org.touchstone.reports.rendering;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report rendered in memory, ready to be written: every file's bytes and the headline.
 *
 * @param files    relative path to bytes, in the order to write them, {@code metrics.json} last
 * @param headline lines for the CLI to print
 */
public record RenderedReport(Map<String, byte[]> files, List<String> headline) {
    /**
     * @param files    copied, order kept
     * @param headline copied
     */
    public RenderedReport {
        files = new LinkedHashMap<>(files);
        headline = List.copyOf(headline);
    }

    /**
     * Collects tables, then figures, then metrics.json, in the order every report is written.
     *
     * @param tables   the tables
     * @param figures  the figures
     * @param metrics  metrics.json
     * @param headline the headline
     * @return the report
     */
    public static RenderedReport of(Map<String, byte[]> tables, List<Figure> figures, byte[] metrics,
                                    List<String> headline) {
        Map<String, byte[]> files = new LinkedHashMap<>(tables);
        figures.forEach(figure -> files.putAll(figure.files()));
        files.put(MetricsJson.FILE, metrics);
        return new RenderedReport(files, headline);
    }

    /**
     * Adds a part computed apart from the capability's report: its tables, written before metrics.json
     * and listed in its {@code tables}, and its block of metrics.json, placed before {@code tables}.
     *
     * @param field  the block's field name in metrics.json
     * @param block  the block
     * @param tables the part's tables, by relative path
     * @return the report with the part
     */
    public RenderedReport withSection(String field, JsonNode block, Map<String, byte[]> tables) {
        Map<String, byte[]> extended = new LinkedHashMap<>(files);
        byte[] metrics = extended.remove(MetricsJson.FILE);
        extended.putAll(tables);
        extended.put(MetricsJson.FILE, MetricsJson.withSection(metrics, field, block, List.copyOf(tables.keySet())));
        return new RenderedReport(extended, headline);
    }
}
