package org.touchstone.runformat.columns;

import java.util.List;
import java.util.Map;

/** The columns of {@value #FILE}: one row per {@code analyze} call, one per image (analysis). */
public enum AnalysesCsv implements Column {
    /** The image's sample id, from the manifest. */
    SAMPLE_ID("sample_id"),
    /** The image's subject, from the manifest. */
    SUBJECT_ID("subject_id"),
    /** A {@link Status}. */
    STATUS("status"),
    /** Empty when ok; {@code FACE_DETECTION_ERROR} for {@code no_face}. */
    FAILURE_CODE("failure_code"),
    /** Empty when ok; the explanation. */
    MESSAGE("message"),
    /** Faces returned. */
    FACES("faces"),
    /** Wall time of the call. */
    LATENCY_NS("latency_ns"),
    /** The ground truth from the manifest, one column per evaluated attribute (empty = unknown). */
    LABEL("label:"),
    /** The sample's groups from the manifest, one column per group column. */
    GROUP("group:");

    /** The file's name in the run directory. */
    public static final String FILE = "analyses.csv";

    private final String header;

    AnalysesCsv(String header) {
        this.header = header;
    }

    @Override
    public String header() {
        return header;
    }

    /**
     * The header row.
     *
     * @param attributes   the evaluated attributes, in order
     * @param groupColumns the group columns, in order
     * @return the column names
     */
    public static String[] headerRow(List<String> attributes, List<String> groupColumns) {
        return Column.headerRow(values(), Map.of(LABEL, attributes, GROUP, groupColumns));
    }

    /** The values of {@link #STATUS}. */
    public enum Status implements CellValue {
        /** The system found at least one face. */
        OK("ok"),
        /** The system found no face: a failure to acquire. */
        NO_FACE("no_face"),
        /** The call failed. */
        FAILED("failed");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }
    }
}
