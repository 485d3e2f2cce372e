package org.touchstone.runformat.columns;

import java.util.List;
import java.util.Map;

/** The columns of {@value #FILE}: one row per {@code analyze} call, one per image (analysis). */
public enum AnalysesCsv implements Column {
    /** The image's sample id, from the manifest. */
    SAMPLE_ID,
    /** The image's subject, from the manifest. */
    SUBJECT_ID,
    /** A {@link Status}. */
    STATUS,
    /** Empty when ok; {@code FACE_DETECTION_ERROR} for {@code no_face}. */
    FAILURE_CODE,
    /** Empty when ok; the explanation. */
    MESSAGE,
    /** Faces returned. */
    FACES,
    /** Wall time of the call. */
    LATENCY_NS,
    /** The ground truth from the manifest, one column per evaluated attribute (empty = unknown). */
    LABEL {
        @Override
        public boolean isFamily() {
            return true;
        }
    },
    /** The sample's groups from the manifest, one column per group column. */
    GROUP {
        @Override
        public boolean isFamily() {
            return true;
        }
    };

    /** The file's name in the run directory. */
    public static final String FILE = "analyses.csv";

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
        OK,
        /** The system found no face: a failure to acquire. */
        NO_FACE,
        /** The call failed. */
        FAILED
    }
}
