package org.touchstone.runformat.columns;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.api.TemplateRole;

/**
 * The columns of {@value #FILE}: one row per template-creation call (verification and identification).
 * {@code (template_id, role)} is unique.
 */
public enum TemplatesCsv implements Column {
    /** Id of the template group (one or more images of one subject), e.g. {@code T000001}. */
    TEMPLATE_ID("template_id"),
    /** The {@link TemplateRole} the template was made in, lower case (see {@link #roleName}). */
    ROLE("role"),
    /** The subject the images show. */
    SUBJECT_ID("subject_id"),
    /** The manifest sample ids of the images, {@value #SAMPLE_SEPARATOR} separated, in the order given. */
    SAMPLE_IDS("sample_ids"),
    /** A {@link Status}. */
    STATUS("status"),
    /** Empty when ok; otherwise a {@code FailureCode} name. */
    FAILURE_CODE("failure_code"),
    /** Empty when ok; the system's or the harness's explanation. */
    MESSAGE("message"),
    /** Template size in bytes; empty when failed. */
    SIZE_BYTES("size_bytes"),
    /** Wall time of the call in nanoseconds. */
    LATENCY_NS("latency_ns"),
    /** One column per group column of the manifest: the group of the template's first sample. */
    GROUP("group:");

    /** The file's name in the run directory. */
    public static final String FILE = "templates.csv";
    /** Separates the sample ids of a template. */
    public static final String SAMPLE_SEPARATOR = ";";

    private final String header;

    TemplatesCsv(String header) {
        this.header = header;
    }

    @Override
    public String header() {
        return header;
    }

    /**
     * The header row.
     *
     * @param groupColumns the manifest's group columns, in order
     * @return the column names
     */
    public static String[] headerRow(List<String> groupColumns) {
        return Column.headerRow(values(), Map.of(GROUP, groupColumns));
    }

    /**
     * A role as the {@code role} column holds it.
     *
     * @param role a template role
     * @return its lower-case name, e.g. {@code verification_enrolment}
     */
    public static String roleName(TemplateRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** The values of {@link #STATUS}. */
    public enum Status implements CellValue {
        /** The template was made. */
        OK("ok"),
        /** The call failed; {@code failure_code} says how. */
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
