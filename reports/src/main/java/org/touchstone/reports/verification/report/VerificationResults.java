package org.touchstone.reports.verification.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.touchstone.reports.differentials.FairnessDiscrepancyRate;
import org.touchstone.reports.differentials.Garbe;
import org.touchstone.reports.differentials.GroupComparisons;
import org.touchstone.reports.differentials.GroupKey;
import org.touchstone.reports.differentials.GroupRates;
import org.touchstone.reports.differentials.RateRatios;
import org.touchstone.reports.differentials.ZeroRateHandling;
import org.touchstone.reports.input.ComparisonData;
import org.touchstone.reports.input.FailureKey;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.reports.input.VerificationRunSettings;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.stats.ClusteredBootstrap;
import org.touchstone.reports.stats.ConfidenceInterval;
import org.touchstone.reports.stats.MultipleComparisons;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.stats.StageTimes;
import org.touchstone.reports.verification.DPrime;
import org.touchstone.reports.verification.DetCurve;
import org.touchstone.reports.verification.EqualErrorRate;
import org.touchstone.reports.verification.ErrorRates;
import org.touchstone.reports.verification.FmrOperatingPoint;
import org.touchstone.reports.verification.NamedThreshold;
import org.touchstone.reports.verification.ScoreDistribution;
import org.touchstone.reports.verification.StreamingScoreDistribution;
import org.touchstone.reports.verification.SubjectBootstrap;

/**
 * Every number of a verification report, computed from the run directory's contents (or a score file's);
 * what the JSON, table and figure writers render.
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
 * @param groupings       per group column, then per intersection, the same rates per group at the global
 *                        thresholds
 * @param crossGroups     per group column, the cross-group impostor FMR at each global threshold
 * @param differentials   per grouping and global threshold: ratios, FDR, GARBE and group tests
 * @param bootstrap       subject-bootstrap intervals, or null when skipped
 * @param bootstrapSkipped why the bootstrap was skipped, or null
 * @param failures        failed templates and comparisons by kind, with the totals of their kind
 */
record VerificationResults(VerificationRunSettings settings, ScoreDistribution all, List<FmrOperatingPoint> fmrPoints,
                           List<ThresholdPoint> thresholdPoints, Optional<EqualErrorRate> interpolatedEer,
                           Optional<EqualErrorRate> rocchEer, OptionalDouble dPrime, DetCurve det,
                           Map<String, Proportion> fteByRole, List<GroupingResults> groupings,
                           List<CrossGroupResults> crossGroups, List<Differential> differentials,
                           SubjectBootstrap.Result bootstrap, String bootstrapSkipped, List<Failures.Count> failures) {

    /** Least move in log10 FMR or FNMR between rows of tables/det.csv. */
    static final double DET_TABLE_STEP = 0.001;
    /** Level of the group tests. */
    static final double TEST_ALPHA = 0.05;
    /** How pairwise group tests are corrected. */
    static final MultipleComparisons CORRECTION = MultipleComparisons.HOLM;
    /** How zero rates enter ratios. */
    static final ZeroRateHandling ZERO_RATES = ZeroRateHandling.HALF_EVENT_FLOOR;
    /** Level of every interval. */
    static final double LEVEL = 0.95;

    /**
     * Rates at a named threshold.
     *
     * @param threshold the named threshold
     * @param rates     FMR and FNMR there
     */
    record ThresholdPoint(NamedThreshold threshold, ErrorRates rates) {
    }

    /**
     * A global threshold at which groups are compared: an FMR target's (chosen over all comparisons) or a
     * named one.
     *
     * @param name      {@code fmr_target:<f>} or {@code threshold:<name>}
     * @param fmrTarget the FMR target, NaN for a named threshold
     * @param threshold T
     */
    record GlobalThreshold(String name, double fmrTarget, double threshold) {
    }

    /**
     * One grouping: a group column or an intersection of columns.
     *
     * @param columns               the columns
     * @param matedOutsideGroups    mated pairs not both in one group
     * @param nonMatedOutsideGroups non-mated pairs not both in one group
     * @param groups                one entry per group, sorted by values
     */
    record GroupingResults(List<String> columns, long matedOutsideGroups, long nonMatedOutsideGroups,
                           List<GroupResults> groups) {
        /** The columns as written in tables, e.g. {@code sex x skin_tone}. */
        String label() {
            return String.join(" x ", columns);
        }
    }

    /**
     * One group, at the global thresholds.
     *
     * @param key          the group
     * @param scores       the group's comparisons (both templates in the group)
     * @param fteByRole    failure to enrol of the group's templates, for every role present overall
     * @param atFmrPoints  rates at each global FMR-target threshold, aligned with {@link #fmrPoints()};
     *                     null where the global point has no threshold
     * @param atThresholds rates at each named threshold, aligned with {@link #thresholdPoints()}
     * @param fnmrBootstrapAtFmrPoints  subject-bootstrap interval of FNMR at each global FMR-target threshold
     *                                  (clusters: the group's subjects; null where there is no threshold or
     *                                  no genuine comparison)
     * @param fnmrBootstrapAtThresholds the same at each named threshold
     */
    record GroupResults(GroupKey key, ScoreDistribution scores, Map<String, Proportion> fteByRole,
                        List<ErrorRates> atFmrPoints, List<ErrorRates> atThresholds,
                        List<ConfidenceInterval> fnmrBootstrapAtFmrPoints, List<ConfidenceInterval> fnmrBootstrapAtThresholds) {
        /** The group's values as written in tables, e.g. {@code female & V}. */
        String value() {
            return key.valuesLabel();
        }
    }

    /**
     * The cross-group impostor FMR of one column.
     *
     * @param column  the group column
     * @param values  its values
     * @param points  the global thresholds
     * @param fmr     per global threshold, row-major (enrolment group, probe group) false matches
     */
    record CrossGroupResults(String column, List<String> values, List<GlobalThreshold> points,
                             List<List<Proportion>> fmr) {
    }

    /**
     * Differential summaries and tests of one grouping at one global threshold.
     *
     * @param grouping the grouping's label
     * @param point    the global threshold
     * @param fmr      FMR per group
     * @param fnmr     FNMR per group
     * @param fmrRatios  max/min and max/geometric mean of FMR
     * @param fnmrRatios the same of FNMR
     * @param fdr      the Fairness Discrepancy Rate, equal weights
     * @param garbe    GARBE, equal weights
     * @param fmrTests tests between groups on FMR
     * @param fnmrTests tests between groups on FNMR
     */
    record Differential(String grouping, GlobalThreshold point, GroupRates fmr, GroupRates fnmr, RateRatios fmrRatios,
                        RateRatios fnmrRatios, FairnessDiscrepancyRate fdr, Garbe garbe, GroupComparisons fmrTests,
                        GroupComparisons fnmrTests) {
    }

    /** The global thresholds, in order: the FMR targets that have one, then the named thresholds. */
    List<GlobalThreshold> globalThresholds() {
        List<GlobalThreshold> points = new ArrayList<>();
        for (FmrOperatingPoint point : fmrPoints) {
            if (point.rates() != null) {
                points.add(new GlobalThreshold(VerificationJson.fmrTargetName(point.fmrTarget()), point.fmrTarget(),
                        point.rates().threshold()));
            }
        }
        for (ThresholdPoint point : thresholdPoints) {
            points.add(new GlobalThreshold(MetricsJson.thresholdName(point.threshold()), Double.NaN,
                    point.threshold().value()));
        }
        return points;
    }

    /**
     * Reads the comparisons in two streaming passes, planning exact counts at the run's FMR targets and named
     * thresholds.
     *
     * @param settings  run.json's evaluation settings
     * @param templates templates.csv
     * @param file      comparisons.csv
     * @return the comparisons
     * @throws IOException when reading fails or the file breaks the contract
     */
    static ComparisonData read(VerificationRunSettings settings, TemplateTable templates, Path file)
            throws IOException {
        return ComparisonData.read(file, templates, settings.fmrTargets(), namedValues(settings),
                StreamingScoreDistribution.DEFAULT_EXACT_LIMIT);
    }

    static List<Double> namedValues(VerificationRunSettings settings) {
        return settings.thresholds().stream().map(NamedThreshold::value).toList();
    }

    /**
     * Computes every number.
     *
     * @param settings    run.json's evaluation settings
     * @param templates   templates.csv, or null for a score file (no templates, so no failure to enrol)
     * @param comparisons the comparisons
     * @return the results
     */
    static VerificationResults compute(VerificationRunSettings settings, TemplateTable templates,
                                       ComparisonData comparisons) {
        ScoreDistribution all = comparisons.all();
        List<FmrOperatingPoint> fmrPoints = FmrOperatingPoint.find(all, settings.fmrTargets());
        List<ThresholdPoint> thresholdPoints = new ArrayList<>();
        for (NamedThreshold threshold : settings.thresholds()) {
            thresholdPoints.add(new ThresholdPoint(threshold, ErrorRates.at(all, threshold.value())));
        }
        // A score file analysed on its own has no templates.
        List<TemplateTable.Template> templateList = templates == null ? List.of() : templates.templates();
        List<String> roles = FailureToEnrol.rolesPresent(templateList);
        Map<String, Proportion> fteByRole = FailureToEnrol.byRole(templateList, roles);

        List<GroupingResults> groupings = new ArrayList<>();
        for (ComparisonData.Grouping grouping : comparisons.groupings()) {
            List<GroupResults> groups = new ArrayList<>();
            for (int g = 0; g < grouping.values().size(); g++) {
                ScoreDistribution scores = grouping.groups().get(g);
                final int groupIndex = g;
                List<TemplateTable.Template> members = templateList.stream()
                        .filter(t -> grouping.groupOfSide()[t.index()] == groupIndex).toList();
                List<ErrorRates> atFmrPoints = new ArrayList<>();
                for (FmrOperatingPoint point : fmrPoints) {
                    atFmrPoints.add(point.rates() == null ? null : ErrorRates.at(scores, point.rates().threshold()));
                }
                List<ErrorRates> atThresholds = new ArrayList<>();
                for (ThresholdPoint point : thresholdPoints) {
                    atThresholds.add(ErrorRates.at(scores, point.threshold().value()));
                }
                GroupGenuine genuine = GroupGenuine.of(comparisons.genuine(), grouping.groupOfSide(), g);
                List<ConfidenceInterval> bootstrapAtFmrPoints = new ArrayList<>();
                for (FmrOperatingPoint point : fmrPoints) {
                    bootstrapAtFmrPoints.add(point.rates() == null ? null : genuine.fnmrInterval(point.rates().threshold()));
                }
                List<ConfidenceInterval> bootstrapAtThresholds = new ArrayList<>();
                for (ThresholdPoint point : thresholdPoints) {
                    bootstrapAtThresholds.add(genuine.fnmrInterval(point.threshold().value()));
                }
                groups.add(new GroupResults(new GroupKey(grouping.columns(), grouping.values().get(g)), scores,
                        FailureToEnrol.byRole(members, roles), atFmrPoints, atThresholds, bootstrapAtFmrPoints, bootstrapAtThresholds));
            }
            groupings.add(new GroupingResults(grouping.columns(), grouping.matedOutsideGroups(),
                    grouping.nonMatedOutsideGroups(), groups));
        }

        StageTimes.mark("results before bootstrap");
        SubjectBootstrap.Result bootstrap = comparisons.bootstrap() == null ? null
                : comparisons.bootstrap().run(settings.fmrTargets(), namedValues(settings),
                        SubjectBootstrap.DEFAULT_REPLICATES, SubjectBootstrap.DEFAULT_SEED, LEVEL);
        StageTimes.mark("subject bootstrap");

        VerificationResults partial = new VerificationResults(settings, all, fmrPoints, thresholdPoints,
                EqualErrorRate.interpolated(all), EqualErrorRate.rocch(all), DPrime.of(all),
                DetCurve.sample(all, DET_TABLE_STEP), fteByRole, groupings, List.of(), List.of(), bootstrap,
                comparisons.bootstrapSkipped(), failures(templateList, comparisons));
        List<GlobalThreshold> points = partial.globalThresholds();
        StageTimes.mark("EER, DET, d'");
        return new VerificationResults(settings, all, fmrPoints, thresholdPoints, partial.interpolatedEer(),
                partial.rocchEer(), partial.dPrime(), partial.det(), fteByRole, groupings,
                crossGroups(comparisons, points), differentials(settings, groupings, points), bootstrap,
                comparisons.bootstrapSkipped(), partial.failures());
    }

    /** A group's genuine comparisons by subject, for the clustered bootstrap of its FNMR at fixed thresholds. */
    private record GroupGenuine(int[] subjectOf, double[] scores, int subjects) {
        static GroupGenuine of(ComparisonData.GenuineOutcomes genuine, int[] groupOfSide, int group) {
            Map<Integer, Integer> subjects = new LinkedHashMap<>();
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < genuine.score().length; i++) {
                if (groupOfSide[genuine.enrolmentSide()[i]] == group && groupOfSide[genuine.probeSide()[i]] == group) {
                    members.add(i);
                    subjects.putIfAbsent(genuine.subjectOfSide()[genuine.enrolmentSide()[i]], subjects.size());
                }
            }
            int[] subjectOf = new int[members.size()];
            double[] scores = new double[members.size()];
            for (int m = 0; m < members.size(); m++) {
                int i = members.get(m);
                subjectOf[m] = subjects.get(genuine.subjectOfSide()[genuine.enrolmentSide()[i]]);
                scores[m] = genuine.score()[i];
            }
            return new GroupGenuine(subjectOf, scores, subjects.size());
        }

        /** The subject-clustered bootstrap interval of FNMR at T; null without genuine comparisons. */
        ConfidenceInterval fnmrInterval(double threshold) {
            if (scores.length == 0) {
                return null;
            }
            long[] events = new long[subjects];
            long[] trials = new long[subjects];
            for (int m = 0; m < scores.length; m++) {
                trials[subjectOf[m]]++;
                // NaN (a failed comparison) is a false non-match at every threshold.
                if (!(scores[m] >= threshold)) {
                    events[subjectOf[m]]++;
                }
            }
            List<Proportion> clusters = new ArrayList<>();
            for (int s = 0; s < subjects; s++) {
                clusters.add(new Proportion(events[s], trials[s]));
            }
            return new ClusteredBootstrap(clusters).interval(SubjectBootstrap.DEFAULT_REPLICATES,
                    SubjectBootstrap.DEFAULT_SEED, LEVEL);
        }
    }

    private static List<CrossGroupResults> crossGroups(ComparisonData comparisons, List<GlobalThreshold> points) {
        List<CrossGroupResults> results = new ArrayList<>();
        for (ComparisonData.CrossGroup cross : comparisons.crossGroups()) {
            List<List<Proportion>> fmr = new ArrayList<>();
            for (GlobalThreshold point : points) {
                List<Proportion> cells = new ArrayList<>();
                for (ScoreDistribution cell : cross.cells()) {
                    cells.add(new Proportion(cell.falseMatches(point.threshold()), cell.impostorComparisons()));
                }
                fmr.add(cells);
            }
            results.add(new CrossGroupResults(cross.column(), cross.values(), points, fmr));
        }
        return results;
    }

    private static List<Differential> differentials(VerificationRunSettings settings, List<GroupingResults> groupings,
                                                    List<GlobalThreshold> points) {
        OptionalDouble margin = Double.isNaN(settings.equivalenceMargin()) ? OptionalDouble.empty()
                : OptionalDouble.of(settings.equivalenceMargin());
        List<Differential> differentials = new ArrayList<>();
        for (GroupingResults grouping : groupings) {
            for (GlobalThreshold point : points) {
                Map<GroupKey, Proportion> fmr = new LinkedHashMap<>();
                Map<GroupKey, Proportion> fnmr = new LinkedHashMap<>();
                for (GroupResults group : grouping.groups()) {
                    ErrorRates rates = ErrorRates.at(group.scores(), point.threshold());
                    fmr.put(group.key(), rates.fmr());
                    fnmr.put(group.key(), rates.fnmr());
                }
                GroupRates fmrRates = new GroupRates("fmr", fmr);
                GroupRates fnmrRates = new GroupRates("fnmr", fnmr);
                differentials.add(new Differential(grouping.label(), point, fmrRates, fnmrRates,
                        RateRatios.of(fmrRates, ZERO_RATES), RateRatios.of(fnmrRates, ZERO_RATES),
                        FairnessDiscrepancyRate.of(fmrRates, fnmrRates, FairnessDiscrepancyRate.EQUAL_WEIGHT),
                        Garbe.of(fmrRates, fnmrRates, FairnessDiscrepancyRate.EQUAL_WEIGHT),
                        GroupComparisons.of(fmrRates, TEST_ALPHA, CORRECTION, margin),
                        GroupComparisons.of(fnmrRates, TEST_ALPHA, CORRECTION, margin)));
            }
        }
        return differentials;
    }

    private static List<Failures.Count> failures(List<TemplateTable.Template> templates, ComparisonData comparisons) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put(FailureKey.MATED, comparisons.mated());
        totals.put(FailureKey.NON_MATED, comparisons.nonMated());
        return Failures.count(templates, comparisons.failures(), totals);
    }
}
