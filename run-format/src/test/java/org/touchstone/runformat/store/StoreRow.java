package org.touchstone.runformat.store;

import java.io.IOException;
import java.util.List;
import org.touchstone.api.FailureCode;
import org.touchstone.runformat.columns.ComparisonsCsv.Status;

/**
 * One comparison as the store's tests write it; a reader must give back exactly this.
 *
 * @param enrolment the enrolment template's row
 * @param probe     the probe template's row
 * @param status    ok or how it failed
 * @param code      the failure code, null when ok
 * @param message   the failure's message, or null
 * @param score     the score when ok
 * @param latencyNs the latency, or -1 when not compared
 */
record StoreRow(int enrolment, int probe, Status status, FailureCode code, String message, double score,
                long latencyNs) {

    /** Writes the rows in order. */
    static void writeAll(ComparisonStoreWriter writer, List<StoreRow> rows) throws IOException {
        for (StoreRow row : rows) {
            if (row.status() == Status.OK) {
                writer.addScored(row.enrolment(), row.probe(), row.score(), row.latencyNs());
            } else {
                writer.addFailed(row.enrolment(), row.probe(), row.status(), row.code(), row.message(), row.latencyNs());
            }
        }
    }
}
