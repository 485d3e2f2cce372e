package org.touchstone.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.touchstone.reports.rundir.ComparisonData;
import org.touchstone.reports.rundir.FailureKey;
import org.touchstone.reports.rundir.RunSettings;
import org.touchstone.reports.rundir.TemplateTable;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.DPrime;
import org.touchstone.reports.verification.DetCurve;
import org.touchstone.reports.verification.EqualErrorRate;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.reports.verification.ScoreDistribution;

/**
 * Every number of a verification report, computed from the run directory's contents; what the JSON,
 * table and figure writers render.
 *
 * @param settings        the evaluation settings from run.json
 * @param all             every comparison
 * @param fmrPoints       FNMR at each FMR target, in run.json order
 * @param thresholdPoints FMR and FNMR at each named threshold, in run.json order
 * @param interpolatedEer the interpolated EER, if defined
 * @param rocchEer        the ROC convex hull EER, if defined
 * @param dPrime          d', if defined
 * @param det             the DET curve at table resolution
 * @param fteByRole       failure to enrol per role present, in SPI role order
 * @param groupColumns    per group column, the same rates per group at the global thresholds
 * @param failures        failed templates and comparisons by kind, with the totals of their kind
 */
record VerificationResults(RunSettings settings, ScoreDistribution all, List<FmrOperatingPoint> fmrPoints,
                           List<ThresholdPoint> thresholdPoints, Optional<EqualErrorRate> interpolatedEer,
                           Optional<EqualErrorRate> rocchEer, OptionalDouble dPrime, DetCurve det,
                           Map<String, Proportion> fteByRole, List<GroupColumnResults> groupColumns,
                           List<FailureCount> failures) {

    /** Least move in log10 FMR or FNMR between rows of tables/det.csv. */
    static final double DET_TABLE_STEP = 0.001;

    /**
     * Rates at a named threshold.
     *
     * @param threshold the named threshold
     * @param rates     FMR and FNMR there
     */
    record ThresholdPoint(NamedThreshold threshold, ErrorRates rates) {
    }

    /**
     * One group column.
     *
     * @param column                the column name
     * @param matedOutsideGroups    mated pairs not both in one group
     * @param nonMatedOutsideGroups non-mated pairs not both in one group
     * @param groups                one entry per group value, sorted by value
     */
    record GroupColumnResults(String column, long matedOutsideGroups, long nonMatedOutsideGroups,
                              List<GroupResults> groups) {
    }

    /**
     * One group, at the global thresholds.
     *
     * @param value       the group value
     * @param scores      the group's comparisons (both templates in the group)
     * @param fteByRole   failure to enrol of the group's templates, for every role present overall
     * @param atFmrPoints rates at each global FMR-target threshold, aligned with {@link #fmrPoints()};
     *                    null where the global point has no threshold
     * @param atThresholds rates at each named threshold, aligned with {@link #thresholdPoints()}
     */
    record GroupResults(String value, ScoreDistribution scores, Map<String, Proportion> fteByRole,
                        List<ErrorRates> atFmrPoints, List<ErrorRates> atThresholds) {
    }

    /**
     * A number of failures of one kind out of the records of that kind.
     *
     * @param key   what failed
     * @param count how many
     * @param total how many records of its record type and category there are
     */
    record FailureCount(FailureKey key, long count, long total) {
    }

    /**
     * Computes every number.
     *
     * @param settings    run.json's evaluation settings
     * @param templates   templates.csv
     * @param comparisons comparisons.csv
     * @return the results
     */
    static VerificationResults compute(RunSettings settings, TemplateTable templates, ComparisonData comparisons) {
        ScoreDistribution all = comparisons.all();
        List<FmrOperatingPoint> fmrPoints = FmrOperatingPoint.find(all, settings.fmrTargets());
        List<ThresholdPoint> thresholdPoints = new ArrayList<>();
        for (NamedThreshold threshold : settings.thresholds()) {
            thresholdPoints.add(new ThresholdPoint(threshold, ErrorRates.at(all, threshold.value())));
        }

        List<String> roles = rolesPresent(templates);
        Map<String, Proportion> fteByRole = fte(templates.templates(), roles);

        List<GroupColumnResults> groupColumns = new ArrayList<>();
        for (int c = 0; c < comparisons.groupColumns().size(); c++) {
            ComparisonData.GroupColumn column = comparisons.groupColumns().get(c);
            List<GroupResults> groups = new ArrayList<>();
            for (int g = 0; g < column.values().size(); g++) {
                ScoreDistribution scores = column.groups().get(g);
                final int columnIndex = c;
                final int groupIndex = g;
                List<TemplateTable.Template> members = templates.templates().stream()
                        .filter(t -> t.groups()[columnIndex] == groupIndex).toList();
                List<ErrorRates> atFmrPoints = new ArrayList<>();
                for (FmrOperatingPoint point : fmrPoints) {
                    atFmrPoints.add(point.rates() == null ? null : ErrorRates.at(scores, point.rates().threshold()));
                }
                List<ErrorRates> atThresholds = new ArrayList<>();
                for (ThresholdPoint point : thresholdPoints) {
                    atThresholds.add(ErrorRates.at(scores, point.threshold().value()));
                }
                groups.add(new GroupResults(column.values().get(g), scores, fte(members, roles), atFmrPoints, atThresholds));
            }
            groupColumns.add(new GroupColumnResults(column.column(), column.matedOutsideGroups(),
                    column.nonMatedOutsideGroups(), groups));
        }

        return new VerificationResults(settings, all, fmrPoints, thresholdPoints, EqualErrorRate.interpolated(all),
                EqualErrorRate.rocch(all), DPrime.of(all), DetCurve.sample(all, DET_TABLE_STEP), fteByRole,
                groupColumns, failures(templates, comparisons));
    }

    /** The roles that some template has, in SPI role order. */
    static List<String> rolesPresent(TemplateTable templates) {
        List<String> roles = new ArrayList<>();
        for (String role : TemplateTable.ROLES) {
            if (templates.templates().stream().anyMatch(t -> t.role().equals(role))) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Failure to enrol of some templates, per role. */
    static Map<String, Proportion> fte(List<TemplateTable.Template> templates, List<String> roles) {
        Map<String, Proportion> fte = new LinkedHashMap<>();
        for (String role : roles) {
            long total = templates.stream().filter(t -> t.role().equals(role)).count();
            long failed = templates.stream().filter(t -> t.role().equals(role) && t.failed()).count();
            fte.put(role, new Proportion(failed, total));
        }
        return fte;
    }

    private static List<FailureCount> failures(TemplateTable templates, ComparisonData comparisons) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put(FailureKey.MATED, comparisons.mated());
        totals.put(FailureKey.NON_MATED, comparisons.nonMated());
        return failures(templates, comparisons.failures(), totals);
    }

    /**
     * Failed templates (per role, out of the templates of that role) and other failures, in
     * {@link FailureKey} order.
     *
     * @param templates the run's templates
     * @param others    failures of other records, by key
     * @param totals    the number of records of each category of {@code others}
     * @return every failure count with its total
     */
    static List<FailureCount> failures(TemplateTable templates, SortedMap<FailureKey, Long> others,
                                       Map<String, Long> totals) {
        SortedMap<FailureKey, Long> counts = new TreeMap<>(others);
        Map<String, Long> allTotals = new LinkedHashMap<>(totals);
        for (TemplateTable.Template template : templates.templates()) {
            allTotals.merge(template.role(), 1L, Long::sum);
            if (template.failed()) {
                counts.merge(new FailureKey(FailureKey.TEMPLATE, template.role(), "failed", template.failureCode()),
                        1L, Long::sum);
            }
        }
        return failures(counts, allTotals);
    }

    /**
     * Failure counts with their totals, in {@link FailureKey} order.
     *
     * @param counts failures by key
     * @param totals the number of records of each category
     * @return every failure count with its total
     */
    static List<FailureCount> failures(SortedMap<FailureKey, Long> counts, Map<String, Long> totals) {
        List<FailureCount> failures = new ArrayList<>();
        new TreeMap<>(counts).forEach((key, count) -> failures.add(new FailureCount(key, count, totals.get(key.category()))));
        return failures;
    }
}
