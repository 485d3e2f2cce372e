package org.touchstone.reports.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.verification.report.KFoldReport;

/**
 * The k-fold benchmarks' first figure (LFW, CFP, AgeDB-30, CALFW, CPLFW, RFW): mean verification accuracy over
 * the protocol's folds, each fold's threshold chosen on the others, with the standard error of the mean over the
 * folds. It is shown before the pooled rates because it is the number those communities publish; its spread is a
 * standard error, not a 95% interval, so the figure carries no interval and the sentence names the SE.
 */
final class KFoldSummary implements SummarySection {
    @Override
    public List<Headline> headlines(JsonNode metrics) {
        JsonNode kfold = metrics.path(KFoldReport.FIELD);
        if (!kfold.isObject()) {
            return List.of();
        }
        String label = "Mean accuracy over " + kfold.path("folds").asInt() + " folds";
        if (!kfold.path("mean_accuracy").isNumber()) {
            return List.of(Figures.undefined("kfold_accuracy", Map.of(), label, "no fold has a decided pair"));
        }
        long correct = 0;
        long trials = 0;
        for (JsonNode fold : kfold.path("per_fold")) {
            correct += fold.path("correct").asLong();
            trials += fold.path("genuine").asLong() + fold.path("impostor").asLong();
        }
        double mean = kfold.path("mean_accuracy").asDouble();
        double se = kfold.path("standard_error").asDouble();
        String sentence = "With each fold's threshold chosen on the other folds, as the benchmark's authors define it,"
                + " this system decides " + Text.percent(mean) + " of pairs correctly on average (+- "
                + Text.percent(se) + " standard error of the mean over " + kfold.path("folds").asInt() + " folds; "
                + Text.count(correct) + " of " + Text.count(trials) + " pairs in all).";
        return List.of(new Headline("kfold_accuracy", Map.of(), label, Headline.Status.MEASURED, mean, Double.NaN,
                Double.NaN, correct, trials, true, false, true, sentence));
    }
}
