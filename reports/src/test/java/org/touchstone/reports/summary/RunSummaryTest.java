package org.touchstone.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary read from hand-written metrics.json blocks whose answers are known. */
class RunSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A verification metrics.json: FMR targets 1e-3 (supported) and 1e-6 (not), two groups of skin tone. */
    static JsonNode verification(long darkerMisses, long lighterMisses) throws Exception {
        return JSON.readTree("""
                {"capability":"verification",
                 "comparisons":{"impostor_comparisons":318400},
                 "failure_to_enrol":[{"role":"verification_enrolment","failed_templates":4,"templates":800},
                                     {"role":"verification_probe","failed_templates":2,"templates":800}],
                 "equal_error_rate":{"interpolated":{"eer":0.0575,"interpolated_threshold":0.7794}},
                 "fmr_operating_points":[
                   {"fmr_target":0.1,"supported":true,"threshold":0.77,"false_non_matches":40,"genuine_comparisons":1200},
                   {"fmr_target":0.001,"supported":true,"threshold":0.81,"false_non_matches":451,"genuine_comparisons":1200},
                   {"fmr_target":1.0E-6,"supported":false,"min_impostor_comparisons":3000000}],
                 "named_thresholds":[{"name":"<b>x</b>","source":"vendor","threshold":0.82,
                   "false_non_matches":660,"genuine_comparisons":1200,"false_matches":40,"impostor_comparisons":318400}],
                 "groups":[{"group_column":"skin_tone","group_columns":["skin_tone"],"groups":[
                   {"group":"darker","fmr_operating_points":[{"fmr_target":0.001,"false_non_matches":%d,"genuine_comparisons":600,
                     "false_matches":10,"impostor_comparisons":10000}]},
                   {"group":"lighter","fmr_operating_points":[{"fmr_target":0.001,"false_non_matches":%d,"genuine_comparisons":600,
                     "false_matches":10,"impostor_comparisons":10000}]}]}]}
                """.formatted(darkerMisses, lighterMisses));
    }

    @Test
    void theHeadlineIsFnmrAtOneInAThousandWithItsCountsAndInterval() throws Exception {
        RunSummary summary = RunSummary.of(verification(300, 151));
        Headline first = summary.first();
        assertThat(first.key()).isEqualTo("fnmr@fmr=0.001");
        assertThat(first.value()).isCloseTo(451.0 / 1200, within(1e-15));
        assertThat(first.events()).isEqualTo(451);
        assertThat(first.trials()).isEqualTo(1200);
        assertThat(first.lower()).isLessThan(451.0 / 1200).isGreaterThan(0.34);
        assertThat(first.upper()).isGreaterThan(451.0 / 1200).isLessThan(0.41);
        assertThat(first.sentence()).isEqualTo("At 1 in 1,000 false matches, this system fails to match 37.6% of"
                + " genuine pairs (95% CI 34.8 to 40.4%; 451 of 1,200).");

        Headline fte = find(summary, "fte");
        assertThat(fte.events()).isEqualTo(6);
        assertThat(fte.trials()).isEqualTo(1600);
        assertThat(fte.value()).isEqualTo(6.0 / 1600);

        Headline unsupported = find(summary, "fnmr@fmr=1e-6");
        assertThat(unsupported.status()).isEqualTo(Headline.Status.UNSUPPORTED);
        assertThat(summary.notMeasured()).containsExactly(unsupported);
        assertThat(unsupported.sentence()).contains("318,400 impostor comparisons, at least 3,000,000 needed");

        assertThat(find(summary, "fmr@threshold=<b>x</b>").value()).isEqualTo(40.0 / 318400);
        assertThat(find(summary, "eer").value()).isEqualTo(0.0575);
        assertThat(summary.prominent()).extracting(Headline::key).containsExactly("fnmr@fmr=0.001", "eer", "fte");
    }

    @Test
    void aLargeGroupDifferenceIsSignificantAndNamesBothGroups() throws Exception {
        DemographicVerdict fnmr = RunSummary.of(verification(300, 151)).demographics().get(0);
        assertThat(fnmr.significant()).isTrue();
        assertThat(fnmr.highGroup()).isEqualTo("darker");
        assertThat(fnmr.high().events()).isEqualTo(300);
        assertThat(fnmr.lowGroup()).isEqualTo("lighter");
        assertThat(fnmr.pValue()).isLessThan(1e-10);
        assertThat(fnmr.sentence()).contains("50.0%", "25.2%").doesNotContain("not parity");
    }

    @Test
    void noSignificantDifferenceComesWithTheSmallestDetectableRise() throws Exception {
        DemographicVerdict fnmr = RunSummary.of(verification(230, 221)).demographics().get(0);
        assertThat(fnmr.significant()).isFalse();
        assertThat(fnmr.pValue()).isGreaterThan(0.05);
        // 221/600 = 36.8%; with 600 trials a side, a rise of roughly 2.8 * sqrt(2 * 0.37 * 0.63 / 600) ~ 7.8
        // points is needed at alpha 0.05 and power 0.8.
        assertThat(fnmr.detectableTo() - 221.0 / 600).isBetween(0.06, 0.10);
        assertThat(fnmr.sentence()).contains("not parity", "from 36.8% to at least");
    }

    @Test
    void whenTheLowerRateCannotRiseTheVerdictSaysWhatFallWouldBeDetected() throws Exception {
        // Every genuine pair of both groups rejected: no rise from 100% exists.
        DemographicVerdict fnmr = RunSummary.of(verification(600, 600)).demographics().get(0);
        assertThat(fnmr.significant()).isFalse();
        assertThat(fnmr.sentence()).contains("not parity: at these sizes only a fall from 100% to at most");
    }

    @Test
    void rateTargetsReadAsOneInN() {
        assertThat(Text.oneIn(0.001)).isEqualTo("1 in 1,000");
        assertThat(Text.oneIn(0.03)).isEqualTo("3 in 100");
        assertThat(Text.oneIn(1e-6)).isEqualTo("1 in 1,000,000");
        assertThat(Text.key(1e-6)).isEqualTo("1e-6");
        assertThat(Text.key(0.001)).isEqualTo("0.001");
    }

    private static Headline find(RunSummary summary, String key) {
        List<Headline> found = summary.headlines().stream().filter(h -> h.key().equals(key)).toList();
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }
}
