package org.touchstone.reports.rundir;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What failed, for counting failures: a template of a role, or a comparison of a pair type, with its
 * status and failure code. Ordered templates first (in role order), then comparisons (mated first), then
 * by status and failure code, so that tables list failures in a stable order.
 *
 * @param recordType  {@code "template"} or {@code "comparison"}
 * @param category    the template's role, or {@code "mated"} / {@code "non_mated"}
 * @param status      the row's status, for example {@code "failed"} or {@code "comparison_failed"}
 * @param failureCode the row's failure code
 */
public record FailureKey(String recordType, String category, String status, String failureCode)
        implements Comparable<FailureKey> {
    /** Record type of a template failure. */
    public static final String TEMPLATE = "template";
    /** Record type of a comparison failure. */
    public static final String COMPARISON = "comparison";
    /** Category of a comparison between templates of the same subject. */
    public static final String MATED = "mated";
    /** Category of a comparison between templates of different subjects. */
    public static final String NON_MATED = "non_mated";

    private static final List<String> CATEGORY_ORDER = List.of(TemplateTable.ENROLMENT_ROLE, TemplateTable.PROBE_ROLE,
            "identification_enrolment", "identification_probe", MATED, NON_MATED);
    private static final Comparator<FailureKey> ORDER = Comparator
            .comparingInt((FailureKey key) -> CATEGORY_ORDER.indexOf(key.category()))
            .thenComparing(FailureKey::status)
            .thenComparing(FailureKey::failureCode);

    /**
     * @param recordType  not null
     * @param category    one of the roles, {@code "mated"} or {@code "non_mated"}
     * @param status      not null
     * @param failureCode not null
     */
    public FailureKey {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureCode, "failureCode");
        if (!CATEGORY_ORDER.contains(category)) {
            throw new IllegalArgumentException("unknown category " + category);
        }
    }

    @Override
    public int compareTo(FailureKey other) {
        return ORDER.compare(this, other);
    }
}
