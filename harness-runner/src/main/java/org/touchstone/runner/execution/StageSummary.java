package org.touchstone.runner.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run's stages did: one line per stage for people, and the counts by name. */
public final class StageSummary {
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Number> figures = new LinkedHashMap<>();

    /**
     * @param format a line, as for {@link String#format}
     * @param args   its arguments
     * @return this
     */
    public StageSummary line(String format, Object... args) {
        lines.add(String.format(format, args));
        return this;
    }

    /**
     * @param name  a count's name, e.g. {@code pairs}
     * @param value its value
     * @return this
     */
    public StageSummary figure(String name, Number value) {
        figures.put(name, value);
        return this;
    }

    /** @return the lines */
    public List<String> lines() {
        return lines;
    }

    /** @return the counts */
    public Map<String, Number> figures() {
        return figures;
    }
}
