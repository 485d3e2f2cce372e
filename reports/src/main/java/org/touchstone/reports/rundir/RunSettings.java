package org.touchstone.reports.rundir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.touchstone.reports.RunDirectoryException;
import org.touchstone.reports.verification.NamedThreshold;

/**
 * What the reports need from {@code run.json}: the {@code evaluation} block (already resolved by the
 * runner) and a summary of the {@code system} block.
 *
 * @param runId        the run's id, or null when absent
 * @param fmrTargets   FMR targets in (0, 1], in the order given
 * @param thresholds   named thresholds, in the order given
 * @param groupColumns group column names (without the {@code group:} prefix), in the order given
 * @param system       the system under test
 * @param equivalenceMargin the parity margin the protocol declares for equivalence tests between groups
 *                     ({@code evaluation.equivalence_margin}), or NaN when it declares none
 */
public record RunSettings(String runId, List<Double> fmrTargets, List<NamedThreshold> thresholds,
                          List<String> groupColumns, SystemSummary system, double equivalenceMargin) {
    /** The only run-directory format this version reads. */
    public static final String FORMAT = "touchstone-run/1";
    /** The only capability these reports cover. */
    public static final String CAPABILITY = "verification";
    /** The only failure policy defined so far. */
    public static final String FAILURE_POLICY = "non-match";

    /**
     * The system under test, as described in {@code run.json}.
     *
     * @param id            system id
     * @param vendor        vendor, or null
     * @param name          product name
     * @param version       product version
     * @param scoreRangeMin lowest score the system declares, or NaN when undeclared
     * @param scoreRangeMax highest score the system declares, or NaN when undeclared
     */
    public record SystemSummary(String id, String vendor, String name, String version,
                                double scoreRangeMin, double scoreRangeMax) {
        /**
         * @param id            not null
         * @param vendor        may be null
         * @param name          not null
         * @param version       not null
         * @param scoreRangeMin or NaN
         * @param scoreRangeMax or NaN
         */
        public SystemSummary {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * @param runId        may be null
     * @param fmrTargets   copied
     * @param thresholds   copied
     * @param groupColumns copied
     * @param system       not null
     * @param equivalenceMargin in (0, 1), or NaN
     */
    public RunSettings {
        fmrTargets = List.copyOf(fmrTargets);
        thresholds = List.copyOf(thresholds);
        groupColumns = List.copyOf(groupColumns);
        Objects.requireNonNull(system, "system");
        if (!Double.isNaN(equivalenceMargin) && !(equivalenceMargin > 0 && equivalenceMargin < 1)) {
            throw new IllegalArgumentException("equivalence margin must be in (0, 1), was " + equivalenceMargin);
        }
    }

    /**
     * Reads and validates {@code run.json}.
     *
     * @param file the {@code run.json} file
     * @return the settings
     * @throws RunDirectoryException when a field is missing or malformed, naming its line, column and path
     * @throws IOException           when the file cannot be read
     */
    public static RunSettings read(Path file) throws IOException {
        JsonDocument.Value root = JsonDocument.read(file).root();
        JsonDocument.Value format = root.required("format", "\"" + FORMAT + "\"");
        if (!FORMAT.equals(format.asText())) {
            throw format.error("unsupported run-directory format \"" + format.asText() + "\": expected \"" + FORMAT + "\"");
        }
        JsonDocument.Value runId = root.optional("run_id");
        JsonDocument.Value evaluation = root.required("evaluation", "an object").asObject();

        JsonDocument.Value capability = evaluation.required("capability", "\"" + CAPABILITY + "\"");
        if (!CAPABILITY.equals(capability.asText())) {
            throw capability.error("these reports cover capability \"" + CAPABILITY + "\" only, found \""
                    + capability.asText() + "\"");
        }
        JsonDocument.Value policy = evaluation.required("failure_policy", "\"" + FAILURE_POLICY + "\"");
        if (!FAILURE_POLICY.equals(policy.asText())) {
            throw policy.error("unknown failure policy \"" + policy.asText() + "\": expected \"" + FAILURE_POLICY + "\"");
        }

        List<Double> fmrTargets = new ArrayList<>();
        for (JsonDocument.Value target : evaluation.required("fmr_targets", "an array of numbers in (0, 1]")
                .asArray("numbers in (0, 1]")) {
            double value = target.asNumber();
            if (!(value > 0 && value <= 1)) {
                throw target.error("expected an FMR target in (0, 1], found " + value);
            }
            if (fmrTargets.contains(value)) {
                throw target.error("duplicate FMR target " + value);
            }
            fmrTargets.add(value);
        }

        List<NamedThreshold> thresholds = new ArrayList<>();
        Set<String> thresholdNames = new HashSet<>();
        for (JsonDocument.Value threshold : evaluation.required("thresholds", "an array of threshold objects")
                .asArray("threshold objects")) {
            threshold.asObject();
            JsonDocument.Value name = threshold.required("name", "a string");
            if (!thresholdNames.add(name.asText())) {
                throw name.error("duplicate threshold name \"" + name.asText() + "\"");
            }
            double value = threshold.required("value", "a finite number").asNumber();
            String source = threshold.required("source", "a string such as \"vendor\"").asText();
            JsonDocument.Value description = threshold.optional("description");
            thresholds.add(new NamedThreshold(name.asText(), value, source,
                    description == null ? "" : description.asTextOrEmpty()));
        }

        List<String> groupColumns = new ArrayList<>();
        for (JsonDocument.Value column : evaluation.required("group_columns", "an array of group column names")
                .asArray("group column names")) {
            if (groupColumns.contains(column.asText())) {
                throw column.error("duplicate group column \"" + column.asText() + "\"");
            }
            groupColumns.add(column.asText());
        }

        double margin = Double.NaN;
        JsonDocument.Value marginValue = evaluation.optional("equivalence_margin");
        if (marginValue != null) {
            margin = marginValue.asNumber();
            if (!(margin > 0 && margin < 1)) {
                throw marginValue.error("expected an equivalence margin in (0, 1), found " + margin);
            }
        }

        JsonDocument.Value system = root.required("system", "an object").asObject();
        JsonDocument.Value vendor = system.optional("vendor");
        double rangeMin = Double.NaN;
        double rangeMax = Double.NaN;
        JsonDocument.Value range = system.optional("score_range");
        if (range != null) {
            range.asObject();
            rangeMin = range.required("min", "a number").asNumber();
            rangeMax = range.required("max", "a number").asNumber();
            if (!(rangeMin < rangeMax)) {
                throw range.error("expected min < max, found [" + rangeMin + ", " + rangeMax + "]");
            }
        }
        SystemSummary summary = new SystemSummary(system.required("id", "a string").asText(),
                vendor == null ? null : vendor.asText(), system.required("name", "a string").asText(),
                system.required("version", "a string").asText(), rangeMin, rangeMax);
        return new RunSettings(runId == null ? null : runId.asText(), fmrTargets, thresholds, groupColumns, summary, margin);
    }
}
