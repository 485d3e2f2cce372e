package org.touchstone.reports.card;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The card's note on images the dataset could not supply (missing, empty, undecodable, truncated, oversized):
 * shown under the summary, apart from the system's failures, and only when there are any.
 */
final class DatasetFailuresCard {
    // metrics.json's key (rendering's Failures.DATASET_KEY): the card reads files only, never imports rendering.
    private static final String DATASET_KEY = "dataset_failure_to_acquire";

    private DatasetFailuresCard() {
    }

    static void render(Html h, JsonNode metrics) {
        JsonNode dataset = metrics.path(DATASET_KEY);
        if (!dataset.isArray() || dataset.isEmpty()) {
            return;
        }
        h.raw("<section class=\"dataset-failures\" id=\"dataset-failures\">\n<h2>The dataset's failures to acquire</h2>\n")
                .raw("<p>").text("The dataset could not supply these images (missing from its copy, or empty,"
                        + " undecodable, truncated or above the pixel limit). The system was never called for them:"
                        + " they are not its failures, though its pairs and searches that need them count under the"
                        + " protocol's failure policy.").raw("</p>\n<ul>\n");
        for (JsonNode row : dataset) {
            h.raw("<li>").text(row.path("record_type").asText() + " " + row.path("category").asText() + ": "
                    + row.path("count").asLong() + " of " + row.path("total").asLong()).raw("</li>\n");
        }
        h.raw("</ul>\n</section>\n");
    }
}
