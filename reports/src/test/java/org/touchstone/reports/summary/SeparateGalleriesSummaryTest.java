package org.touchstone.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card's first screen of a run with separate galleries (IJB's G1 and G2): the mean first, then each gallery. */
class SeparateGalleriesSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode metrics() throws Exception {
        return JSON.readTree("""
                {"capability":"identification",
                 "failure_to_enrol":[{"role":"identification_probe","failed_templates":1,"templates":24}],
                 "galleries":[
                   {"gallery_id":"G1","enrolled_templates":6,"searches":{"non_mated_searches":12},
                    "cmc":[{"rank":1,"hits":9,"mated_searches":12}],
                    "fpir_operating_points":[{"fpir_target":0.1,"supported":true,"threshold":0.5,"rank":1,
                      "missed_mated_searches":4,"mated_searches":12,"non_mated_searches":40}],
                    "named_thresholds":[]},
                   {"gallery_id":"G2","enrolled_templates":6,"searches":{"non_mated_searches":12},
                    "cmc":[{"rank":1,"hits":6,"mated_searches":12}],
                    "fpir_operating_points":[{"fpir_target":0.1,"supported":false,"min_non_mated_searches":30,
                      "non_mated_searches":12}],
                    "named_thresholds":[]}],
                 "gallery_average":{"galleries":["G1","G2"],
                   "rank_rates":[{"rank":1,"identification_rate":0.625}],
                   "fpir_operating_points":[{"fpir_target":0.1,"rank":1,"supported":false,"tpir":0.5,"fnir":0.5}]}}
                """);
    }

    @Test
    void theMeanLeadsAndEachGalleryFollowsWithItsCounts() throws Exception {
        RunSummary summary = RunSummary.of(metrics());
        Headline first = summary.first();
        assertThat(first.key()).isEqualTo("rank1@gallery=mean");
        assertThat(first.value()).isCloseTo((9 / 12.0 + 6 / 12.0) / 2, within(1e-15));
        assertThat(first.sentence()).contains("G1 and G2");
        assertThat(find(summary, "tpir@gallery=mean@fpir=0.1").status()).isEqualTo(Headline.Status.UNSUPPORTED);
        Headline g1 = find(summary, "rank1@gallery=G1");
        assertThat(g1.events()).isEqualTo(9);
        assertThat(g1.trials()).isEqualTo(12);
        assertThat(find(summary, "rank1@gallery=G2").events()).isEqualTo(6);
        assertThat(find(summary, "fnir@gallery=G1@fpir=0.1").events()).isEqualTo(4);
        assertThat(find(summary, "fnir@gallery=G2@fpir=0.1").status()).isEqualTo(Headline.Status.UNSUPPORTED);
        assertThat(find(summary, "fte").trials()).isEqualTo(24);
    }

    private static Headline find(RunSummary summary, String key) {
        List<Headline> found = summary.headlines().stream().filter(h -> h.key().equals(key)).toList();
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }
}
