package org.touchstone.reports.identification.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.touchstone.reports.identification.FpirOperatingPoint;
import org.touchstone.reports.identification.IdentificationRates;
import org.touchstone.reports.identification.SearchOutcomes;
import org.touchstone.reports.input.FailureKey;
import org.touchstone.reports.input.GroupAssignment;
import org.touchstone.reports.input.IdentificationRunSettings;
import org.touchstone.reports.input.SearchData;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.reports.rendering.FailureToEnrol;
import org.touchstone.reports.rendering.Failures;
import org.touchstone.reports.stats.Proportion;
import org.touchstone.reports.verification.NamedThreshold;

/**
 * Every number of an identification report, computed from the run directory's contents; what the JSON,
 * table and figure writers render. Each gallery of the distractor sweep is measured on its own: its
 * thresholds for the FPIR targets come from its own non-mated searches.
 *
 * @param settings     the evaluation settings from run.json
 * @param fteByRole    failure to enrol per role present, in SPI role order
 * @param galleries    one entry per gallery, in sweep order
 * @param failures     failed templates, galleries and searches by kind, with the totals of their kind
 */
record IdentificationResults(IdentificationRunSettings settings, Map<String, Proportion> fteByRole,
                             List<GalleryResults> galleries, List<Failures.Count> failures) {

    /**
     * Rates at a named threshold.
     *
     * @param threshold the named threshold
     * @param rates     FNIR(N, L, T), FPIR(N, T) and selectivity there
     */
    record ThresholdPoint(NamedThreshold threshold, IdentificationRates rates) {
    }

    /**
     * The searches of one gallery, by outcome.
     *
     * @param mated          mated searches
     * @param failedMated    mated searches that did not return a valid list
     * @param nonMated       non-mated searches
     * @param failedNonMated non-mated searches that did not return a valid list
     */
    record SearchCounts(long mated, long failedMated, long nonMated, long failedNonMated) {
    }

    /**
     * One gallery.
     *
     * @param gallery         its row of galleries.csv
     * @param counts          its searches by outcome
     * @param outcomes        its searches, for every rate
     * @param fpirPoints      FNIR(N, L, T) at the threshold of each FPIR target, in run.json order
     * @param thresholdPoints the rates at each named threshold, in run.json order
     * @param investigative   T = -infinity, R = L
     * @param groupColumns    per group column (then intersection), the rates per group of the probe
     */
    record GalleryResults(SearchData.Gallery gallery, SearchCounts counts, SearchOutcomes outcomes,
                          List<FpirOperatingPoint> fpirPoints, List<ThresholdPoint> thresholdPoints,
                          IdentificationRates investigative, List<GroupColumnResults> groupColumns) {

        /**
         * One measure for every group: the seam for summaries of differentials across groups.
         *
         * @param measure picks a proportion from a group's results, e.g. its FNIR at a global threshold
         * @return group column (then intersection) to group value (sorted) to that proportion
         */
        Map<String, SortedMap<String, Proportion>> byGroup(Function<GroupResults, Proportion> measure) {
            Map<String, SortedMap<String, Proportion>> byColumn = new LinkedHashMap<>();
            for (GroupColumnResults column : groupColumns) {
                SortedMap<String, Proportion> byValue = new TreeMap<>();
                column.groups().forEach(group -> byValue.put(group.value(), measure.apply(group)));
                byColumn.put(column.column(), byValue);
            }
            return byColumn;
        }
    }

    /**
     * One group column or intersection of one gallery.
     *
     * @param column                   its name
     * @param matedOutsideGroups       mated searches whose probe has no group in this column
     * @param nonMatedOutsideGroups    non-mated searches whose probe has no group in this column
     * @param groups                   one entry per value, sorted
     */
    record GroupColumnResults(String column, long matedOutsideGroups, long nonMatedOutsideGroups,
                              List<GroupResults> groups) {
    }

    /**
     * The searches whose probe is in one group, measured at the gallery's global thresholds.
     *
     * @param value        the group value
     * @param outcomes     the group's searches
     * @param fteByRole    failure to enrol of the group's templates, for every role present overall
     * @param atFpirPoints the rates at each global FPIR-target threshold; null where that has no threshold
     * @param atThresholds the rates at each named threshold
     */
    record GroupResults(String value, SearchOutcomes outcomes, Map<String, Proportion> fteByRole,
                        List<IdentificationRates> atFpirPoints, List<IdentificationRates> atThresholds) {
    }

    /**
     * Computes every number.
     *
     * @param settings  run.json's evaluation settings
     * @param templates templates.csv
     * @param searches  galleries.csv, searches.csv and candidates.csv
     * @return the results
     */
    static IdentificationResults compute(IdentificationRunSettings settings, TemplateTable templates, SearchData searches) {
        List<String> roles = FailureToEnrol.rolesPresent(templates.templates());
        GroupAssignment groups = templateGroups(templates, settings.intersections());
        int length = settings.candidateListLength();

        // Failure to enrol of each group's templates is the same in every gallery: compute it once.
        List<List<Map<String, Proportion>>> fteByGroup = new ArrayList<>();
        for (int c = 0; c < groups.columns().size(); c++) {
            List<Map<String, Proportion>> byValue = new ArrayList<>();
            for (int g = 0; g < groups.values(c).size(); g++) {
                final int column = c;
                final int value = g;
                byValue.add(FailureToEnrol.byRole(templates.templates().stream()
                        .filter(t -> groups.group(t.index(), column) == value).toList(), roles));
            }
            fteByGroup.add(byValue);
        }

        List<GalleryResults> galleries = new ArrayList<>();
        long mated = 0;
        long nonMated = 0;
        for (SearchData.Gallery gallery : searches.galleries()) {
            List<SearchData.Search> rows = searches.searches(gallery.index());
            SearchOutcomes outcomes = outcomes(rows, length);
            List<FpirOperatingPoint> fpirPoints = outcomes.fpirOperatingPoints(settings.fpirTargets(),
                    settings.fnirRank());
            List<ThresholdPoint> thresholdPoints = new ArrayList<>();
            for (NamedThreshold threshold : settings.thresholds()) {
                thresholdPoints.add(new ThresholdPoint(threshold, outcomes.at(length, threshold.value())));
            }
            List<GroupColumnResults> columns = new ArrayList<>();
            for (int c = 0; c < groups.columns().size(); c++) {
                columns.add(groupColumn(groups, c, rows, fpirPoints, thresholdPoints, fteByGroup.get(c), length,
                        settings.fnirRank()));
            }
            long failedMated = rows.stream().filter(s -> s.mated() && !s.status().equals("ok")).count();
            long failedNonMated = rows.stream().filter(s -> !s.mated() && !s.status().equals("ok")).count();
            SearchCounts counts = new SearchCounts(outcomes.matedSearches(), failedMated, outcomes.nonMatedSearches(),
                    failedNonMated);
            galleries.add(new GalleryResults(gallery, counts, outcomes, fpirPoints, thresholdPoints,
                    outcomes.investigative(), columns));
            mated += outcomes.matedSearches();
            nonMated += outcomes.nonMatedSearches();
        }

        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put(FailureKey.GALLERY, (long) searches.galleries().size());
        totals.put(FailureKey.MATED, mated);
        totals.put(FailureKey.NON_MATED, nonMated);
        return new IdentificationResults(settings, FailureToEnrol.byRole(templates.templates(), roles),
                List.copyOf(galleries), Failures.count(templates.templates(), searches.failures(), totals));
    }

    /** The searches as outcomes: failed searches are misses when mated and return nothing when not. */
    private static SearchOutcomes outcomes(List<SearchData.Search> searches, int length) {
        SearchOutcomes.Builder builder = SearchOutcomes.builder(length);
        for (SearchData.Search search : searches) {
            if (!search.mated()) {
                builder.addNonMated(search.candidateScores());
            } else if (search.mateRank() > 0) {
                builder.addMatedHit(search.mateRank(), search.mateScore());
            } else {
                builder.addMatedMiss();
            }
        }
        return builder.build();
    }

    /** The templates' groups, over the group columns and then the intersections. */
    private static GroupAssignment templateGroups(TemplateTable templates, List<List<String>> intersections) {
        List<String[]> cells = new ArrayList<>();
        for (TemplateTable.Template template : templates.templates()) {
            String[] row = new String[templates.groupColumns().size()];
            for (int c = 0; c < row.length; c++) {
                int group = template.groups()[c];
                row[c] = group == TemplateTable.NO_GROUP ? "" : templates.groupValues(c).get(group);
            }
            cells.add(row);
        }
        return GroupAssignment.of(templates.groupColumns(), cells, intersections);
    }

    private static GroupColumnResults groupColumn(GroupAssignment groups, int column, List<SearchData.Search> searches,
                                                  List<FpirOperatingPoint> fpirPoints,
                                                  List<ThresholdPoint> thresholdPoints,
                                                  List<Map<String, Proportion>> fteByGroup, int length,
                                                  int fnirRank) {
        List<String> values = groups.values(column);
        List<List<SearchData.Search>> byGroup = new ArrayList<>();
        values.forEach(v -> byGroup.add(new ArrayList<>()));
        long matedOutside = 0;
        long nonMatedOutside = 0;
        for (SearchData.Search search : searches) {
            int group = groups.group(search.probe().index(), column);
            if (group == GroupAssignment.NO_GROUP) {
                matedOutside += search.mated() ? 1 : 0;
                nonMatedOutside += search.mated() ? 0 : 1;
            } else {
                byGroup.get(group).add(search);
            }
        }
        List<GroupResults> results = new ArrayList<>();
        for (int g = 0; g < values.size(); g++) {
            SearchOutcomes outcomes = outcomes(byGroup.get(g), length);
            List<IdentificationRates> atFpirPoints = new ArrayList<>();
            for (FpirOperatingPoint point : fpirPoints) {
                atFpirPoints.add(point.rates() == null ? null : outcomes.at(fnirRank, point.rates().threshold()));
            }
            List<IdentificationRates> atThresholds = new ArrayList<>();
            for (ThresholdPoint point : thresholdPoints) {
                atThresholds.add(outcomes.at(length, point.threshold().value()));
            }
            results.add(new GroupResults(values.get(g), outcomes, fteByGroup.get(g), atFpirPoints, atThresholds));
        }
        return new GroupColumnResults(groups.columns().get(column), matedOutside, nonMatedOutside, results);
    }
}
