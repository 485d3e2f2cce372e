package org.touchstone.runner.engine.rundir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.touchstone.api.FailureCode;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.runformat.columns.Cells;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.columns.ComparisonsCsv;
import org.touchstone.runformat.columns.TemplatesCsv;
import org.touchstone.runformat.store.ComparisonStore;
import org.touchstone.runformat.store.ComparisonStoreReader;

/**
 * Writes a run-format-2 score store as {@code comparisons.csv}, byte for byte what run format 1 wrote for
 * the same comparisons: template ids from templates.csv's rows, {@code mated} from their subjects, scores in
 * Java's shortest round-trip form. For anyone who wants text.
 */
public final class ComparisonsCsvExport {
    private ComparisonsCsvExport() {
    }

    /**
     * @param runDir a run directory holding {@value ComparisonStore#FILE} and templates.csv
     * @param out    where the CSV goes; flushed, not closed
     * @return the rows written
     * @throws IOException when a file is missing or malformed (naming it), or writing fails
     */
    public static long export(Path runDir, OutputStream out) throws IOException {
        List<TemplateTable.Template> templates = TemplateTable.read(runDir.resolve(TemplatesCsv.FILE), List.of())
                .templates();
        long rows = 0;
        CSVPrinter csv = Csv.printer(out, Column.headerRow(ComparisonsCsv.values()));
        try (ComparisonStoreReader store = ComparisonStoreReader.open(runDir.resolve(ComparisonStore.FILE))) {
            while (store.nextBatch()) {
                for (int i = 0; i < store.rows(); i++, rows++) {
                    TemplateTable.Template enrolment = template(store, i, ComparisonStore.ENROLMENT_TEMPLATE,
                            store.enrolment(i), templates);
                    TemplateTable.Template probe = template(store, i, ComparisonStore.PROBE_TEMPLATE,
                            store.probe(i), templates);
                    FailureCode code = store.failureCode(i);
                    long latency = store.latencyNs(i);
                    Csv.row(csv, enrolment.id(), probe.id(), Cells.bool(enrolment.subjectId().equals(probe.subjectId())),
                            store.status(i).text(), code == null ? "" : code.name(),
                            store.hasScore(i) ? Double.toString(store.score(i)) : "",
                            latency < 0 ? "" : Long.toString(latency));
                }
            }
        }
        csv.flush();
        return rows;
    }

    private static TemplateTable.Template template(ComparisonStoreReader store, int i, String column, int row,
                                                   List<TemplateTable.Template> templates) throws IOException {
        if (row < 0 || row >= templates.size()) {
            throw store.error(i, column, "template row " + row + " is not a row of templates.csv (0 to "
                    + (templates.size() - 1) + ")");
        }
        return templates.get(row);
    }
}
