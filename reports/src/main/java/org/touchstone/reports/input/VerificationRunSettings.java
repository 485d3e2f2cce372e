package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.touchstone.reports.verification.NamedThreshold;

/**
 * What the verification reports need from {@code run.json}: the {@code evaluation} block (already
 * resolved by the runner) and a summary of the {@code system} block.
 *
 * @param runId        the run's id, or null when absent
 * @param fmrTargets   FMR targets in (0, 1], in the order given
 * @param thresholds   named thresholds, in the order given
 * @param groupColumns group column names (without the {@code group:} prefix), in the order given
 * @param system       the system under test
 * @param equivalenceMargin the parity margin the protocol declares for equivalence tests between groups
 *                     ({@code evaluation.equivalence_margin}), or NaN when it declares none
 */
public record VerificationRunSettings(String runId, List<Double> fmrTargets, List<NamedThreshold> thresholds,
                                      List<String> groupColumns, SystemSummary system, double equivalenceMargin) {
    /** The only run-directory format this version reads. */
    public static final String FORMAT = "touchstone-run/1";
    /** The capability whose settings this record holds; see {@link RunHeader} for the others. */
    public static final String CAPABILITY = "verification";
    /** The only failure policy defined for verification. */
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
    public VerificationRunSettings {
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
    public static VerificationRunSettings read(Path file) throws IOException {
        JsonDocument.Value root = JsonDocument.read(file).root();
        RunHeader header = RunHeader.of(root, CAPABILITY);
        JsonDocument.Value evaluation = root.required("evaluation", "an object");
        EvaluationFields.failurePolicy(evaluation, List.of(FAILURE_POLICY));
        List<Double> fmrTargets = EvaluationFields.distinctNumbers(evaluation, "fmr_targets", "an FMR target", "(0, 1]",
                value -> value > 0 && value <= 1);
        List<NamedThreshold> thresholds = EvaluationFields.namedThresholds(evaluation, Double::isFinite,
                "(-infinity, infinity)");
        List<String> groupColumns = EvaluationFields.groupColumns(evaluation);
        double margin = Double.NaN;
        JsonDocument.Value marginValue = evaluation.optional("equivalence_margin");
        if (marginValue != null) {
            margin = marginValue.asNumber();
            if (!(margin > 0 && margin < 1)) {
                throw marginValue.error("expected an equivalence margin in (0, 1), found " + margin);
            }
        }
        return new VerificationRunSettings(header.runId(), fmrTargets, thresholds, groupColumns, header.system(),
                margin);
    }
}
