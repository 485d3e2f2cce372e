package org.touchstone.reports.rendering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered figure of a report, listed in metrics.json's {@code figures}.
 *
 * @param name    short name, also the file stem
 * @param files   relative path to bytes: the SVG, then the PNG
 * @param caption what it shows
 * @param notes   what it leaves out and why
 */
public record Figure(String name, Map<String, byte[]> files, String caption, List<String> notes) {
    /**
     * @param name    not null
     * @param files   copied, order kept
     * @param caption not null
     * @param notes   copied
     */
    public Figure {
        files = new LinkedHashMap<>(files);
        notes = List.copyOf(notes);
    }
}
