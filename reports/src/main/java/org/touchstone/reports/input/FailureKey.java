package org.touchstone.reports.input;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What failed, for counting failures: a template of a role, a gallery, a comparison or a search of a
 * pair type, or the analysis of an image, with its status and failure code. Ordered templates first (in
 * role order), then galleries, then comparisons or searches (mated first), then images, then by status and
 * failure code, so that tables list failures in a stable order.
 *
 * @param recordType  {@code "template"}, {@code "gallery"}, {@code "comparison"}, {@code "search"} or
 *                    {@code "analysis"}
 * @param category    the template's role, {@code "gallery"}, {@code "mated"} / {@code "non_mated"}, or
 *                    {@code "image"}
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
    /** Record type and category of a failed {@code finalizeEnrolment} call. */
    public static final String GALLERY = "gallery";
    /** Record type of a search failure (category mated or non-mated). */
    public static final String SEARCH = "search";
    /** Record type of a failed image analysis. */
    public static final String ANALYSIS = "analysis";
    /** Category of a failed image analysis. */
    public static final String IMAGE = "image";

    private static final List<String> CATEGORY_ORDER = List.of(TemplateTable.ENROLMENT_ROLE, TemplateTable.PROBE_ROLE,
            "identification_enrolment", "identification_probe", GALLERY, MATED, NON_MATED, IMAGE);
    private static final Comparator<FailureKey> ORDER = Comparator
            .comparingInt((FailureKey key) -> CATEGORY_ORDER.indexOf(key.category()))
            .thenComparing(FailureKey::status)
            .thenComparing(FailureKey::failureCode);

    /**
     * @param recordType  not null
     * @param category    one of the roles, {@code "gallery"}, {@code "mated"}, {@code "non_mated"} or
     *                    {@code "image"}
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
