package org.touchstone.reports.identification.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.reports.identification.FpirOperatingPoint;
import org.touchstone.reports.rendering.CsvTables;
import org.touchstone.reports.rendering.MetricsJson;
import org.touchstone.reports.rendering.Numbers;

/**
 * The mean over galleries of each rate, as insightface reports IJB-B/C 1:N (the plain mean of the G1 and G2 rates,
 * each gallery measured on its own, its threshold for an FPIR target from its own non-mated searches). The counts
 * behind every rate stay in each gallery's block; a mean is defined only when every gallery's rate is, and is
 * supported only when every gallery supports its target.
 *
 * @param galleries  the galleries averaged, in order
 * @param ranks      the rank-k identification rates, one per rank of run.json
 * @param fpirPoints TPIR at each FPIR target, in run.json order
 */
record GalleryAverage(List<String> galleries, List<RankMean> ranks, List<FpirMean> fpirPoints) {
    /** The table written when a run asks for averages. */
    static final String TABLE = "tables/gallery-average.csv";

    /**
     * @param rank k
     * @param rate mean rank-k identification rate; NaN when a gallery had no mated search
     */
    record RankMean(int rank, double rate) {
    }

    /**
     * @param fpirTarget the target
     * @param fnirRank   R of FNIR(N, R, T)
     * @param supported  whether every gallery supports it (rule of three)
     * @param tpir       mean of 1 - FNIR(N, R, T); NaN when a gallery has no threshold for it
     */
    record FpirMean(double fpirTarget, int fnirRank, boolean supported, double tpir) {
    }

    /**
     * @param results every number of the run
     * @return the means over its galleries
     */
    static GalleryAverage of(IdentificationResults results) {
        List<IdentificationResults.GalleryResults> galleries = results.galleries();
        List<RankMean> ranks = new ArrayList<>();
        for (int rank : results.settings().ranks()) {
            double sum = 0;
            for (IdentificationResults.GalleryResults gallery : galleries) {
                sum += gallery.outcomes().identificationRate(rank).rate();
            }
            ranks.add(new RankMean(rank, galleries.isEmpty() ? Double.NaN : sum / galleries.size()));
        }
        List<FpirMean> points = new ArrayList<>();
        List<Double> targets = results.settings().fpirTargets();
        for (int i = 0; i < targets.size(); i++) {
            double sum = 0;
            boolean supported = !galleries.isEmpty();
            for (IdentificationResults.GalleryResults gallery : galleries) {
                FpirOperatingPoint point = gallery.fpirPoints().get(i);
                supported &= point.supported();
                sum += point.rates() == null ? Double.NaN : 1 - point.rates().fnir().rate();
            }
            points.add(new FpirMean(targets.get(i), results.settings().fnirRank(), supported,
                    galleries.isEmpty() ? Double.NaN : sum / galleries.size()));
        }
        return new GalleryAverage(galleries.stream().map(g -> g.gallery().id()).toList(), ranks, points);
    }

    /** @return metrics.json's {@code gallery_average} block */
    ObjectNode json() {
        ObjectNode node = MetricsJson.NODES.objectNode();
        ArrayNode ids = node.putArray("galleries");
        galleries.forEach(ids::add);
        ArrayNode rankNodes = node.putArray("rank_rates");
        for (RankMean rank : ranks) {
            ObjectNode r = rankNodes.addObject();
            r.put("rank", rank.rank());
            MetricsJson.number(r, "identification_rate", rank.rate());
        }
        ArrayNode pointNodes = node.putArray("fpir_operating_points");
        for (FpirMean point : fpirPoints) {
            ObjectNode p = pointNodes.addObject();
            MetricsJson.number(p, "fpir_target", point.fpirTarget());
            p.put("rank", point.fnirRank());
            p.put("supported", point.supported());
            MetricsJson.number(p, "tpir", point.tpir());
            MetricsJson.number(p, "fnir", 1 - point.tpir());
        }
        return node;
    }

    /** @return the table: one row per rank, then one per FPIR target */
    byte[] table() {
        List<List<String>> rows = new ArrayList<>();
        String averaged = String.join(" ", galleries);
        for (RankMean rank : ranks) {
            rows.add(List.of(averaged, IdentificationJson.rankName(rank.rank()), "identification_rate", "",
                    cell(rank.rate())));
        }
        for (FpirMean point : fpirPoints) {
            rows.add(List.of(averaged, IdentificationJson.fpirTargetName(point.fpirTarget()),
                    "tpir_at_rank_" + point.fnirRank(), String.valueOf(point.supported()), cell(point.tpir())));
        }
        return CsvTables.csv(List.of("galleries", "operating_point", "measure", "supported", "mean"), rows);
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : Numbers.exact(value);
    }
}
