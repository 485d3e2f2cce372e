package org.touchstone.runformat.columns;

import java.util.List;
import java.util.Map;
import org.touchstone.api.TemplateRole;

/**
 * The columns of {@value #FILE}: one row per template-creation call (verification and identification).
 * {@code (template_id, role)} is unique.
 */
public enum TemplatesCsv implements Column {
    /** Id of the template group (one or more images of one subject), e.g. {@code T000001}. */
    TEMPLATE_ID,
    /** A {@link Role}: the {@link TemplateRole} the template was made in. */
    ROLE,
    /** The subject the images show. */
    SUBJECT_ID,
    /** The manifest sample ids of the images, {@value #SAMPLE_SEPARATOR} separated, in the order given. */
    SAMPLE_IDS,
    /** A {@link Status}. */
    STATUS,
    /** Empty when ok; otherwise a {@code FailureCode} name. */
    FAILURE_CODE,
    /** Empty when ok; the system's or the harness's explanation. */
    MESSAGE,
    /** Template size in bytes; empty when failed. */
    SIZE_BYTES,
    /** Wall time of the call in nanoseconds. */
    LATENCY_NS,
    /** One column per group column of the manifest: the group of the template's first sample. */
    GROUP {
        @Override
        public boolean isFamily() {
            return true;
        }
    };

    /** The file's name in the run directory. */
    public static final String FILE = "templates.csv";
    /**
     * The failure code of a template whose image the dataset lacks (a manifest row marked {@code missing}):
     * a failure to acquire of the dataset's, recorded without calling the system. Also the code of a template
     * whose image the dataset holds but a system cannot fairly be given (empty, undecodable, truncated, above
     * the pixel limit): {@link #BAD_IMAGE_MESSAGE}.
     */
    public static final org.touchstone.api.FailureCode MISSING_IMAGE_CODE = org.touchstone.api.FailureCode.FAILURE_TO_ACQUIRE;
    /** The start of the message of such a template, followed by the missing samples' ids. */
    public static final String MISSING_IMAGE_MESSAGE = "image missing from the dataset (failure to acquire):";
    /** The start of the message of a template whose image is unreadable, followed by the sample and why. */
    public static final String BAD_IMAGE_MESSAGE = "image unreadable in the dataset (failure to acquire):";
    /** Separates the sample ids of a template. */
    public static final String SAMPLE_SEPARATOR = ";";
    /** Every role the {@code role} column may hold: the SPI's, lower case, in its order. */
    public static final List<String> ROLES = CellValue.texts(Role.class);

    /**
     * The header row.
     *
     * @param groupColumns the manifest's group columns, in order
     * @return the column names
     */
    public static String[] headerRow(List<String> groupColumns) {
        return Column.headerRow(values(), Map.of(GROUP, groupColumns));
    }

    /** The values of {@link #ROLE}: the SPI's {@link TemplateRole}s, by the same names. */
    public enum Role implements CellValue {
        /** {@link TemplateRole#VERIFICATION_ENROLMENT}. */
        VERIFICATION_ENROLMENT,
        /** {@link TemplateRole#VERIFICATION_PROBE}. */
        VERIFICATION_PROBE,
        /** {@link TemplateRole#IDENTIFICATION_ENROLMENT}. */
        IDENTIFICATION_ENROLMENT,
        /** {@link TemplateRole#IDENTIFICATION_PROBE}. */
        IDENTIFICATION_PROBE;

        /**
         * The cell value of a role.
         *
         * @param role a template role
         * @return its value, e.g. {@link #VERIFICATION_ENROLMENT}, written {@code verification_enrolment}
         */
        public static Role of(TemplateRole role) {
            return valueOf(role.name());
        }
    }

    /** The values of {@link #STATUS}. */
    public enum Status implements CellValue {
        /** The template was made. */
        OK,
        /** The call failed; {@code failure_code} says how. */
        FAILED
    }
}
