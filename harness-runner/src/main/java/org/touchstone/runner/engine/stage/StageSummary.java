package org.touchstone.runner.engine.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.runformat.runjson.StagesBlock;
import org.touchstone.runner.engine.backend.Mergeable;

/**
 * What a run's stages did: one line per stage for people, the counts by name, and the merged summaries
 * of the stages that ran as work plans (e.g. the comparisons' score summary).
 */
public final class StageSummary {
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Number> figures = new LinkedHashMap<>();
    private final Map<String, Mergeable<?>> summaries = new LinkedHashMap<>();
    private StagesBlock stages = new StagesBlock(null, null, null, null, null);

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

    /**
     * @param name    the stage, e.g. {@code comparisons}
     * @param summary the merged result of its work units
     * @return this
     */
    public StageSummary summary(String name, Mergeable<?> summary) {
        summaries.put(name, summary);
        return this;
    }

    /**
     * @param block what each stage did, as run.json's {@code stages} records it
     * @return this
     */
    public StageSummary stages(StagesBlock block) {
        stages = block;
        return this;
    }

    /** @return run.json's {@code stages} block */
    public StagesBlock stagesBlock() {
        return stages;
    }

    /** @return the summaries by stage */
    public Map<String, Mergeable<?>> summaries() {
        return summaries;
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
