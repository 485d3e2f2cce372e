package org.touchstone.reports.differentials;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A demographic group: one value per group column, for example {@code sex = female}, or an intersection
 * such as {@code sex = female & skin_tone = V}. Keys of one {@link GroupRates} all name the same columns in
 * the same order.
 *
 * @param columns group column names, at least one, distinct
 * @param values  one value per column
 */
public record GroupKey(List<String> columns, List<String> values) implements Comparable<GroupKey> {
    private static final Comparator<List<String>> LEXICOGRAPHIC = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /**
     * @param columns copied; not empty, no duplicates
     * @param values  copied; same size as columns
     */
    public GroupKey {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        if (columns.isEmpty() || columns.size() != values.size()) {
            throw new IllegalArgumentException("need one value per column, at least one column: " + columns + " " + values);
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("duplicate group column in " + columns);
        }
    }

    /**
     * A group of a single column.
     *
     * @param column the group column
     * @param value  its value
     * @return the key
     */
    public static GroupKey of(String column, String value) {
        return new GroupKey(List.of(column), List.of(Objects.requireNonNull(value, "value")));
    }

    /**
     * The columns, joined for display and tables.
     *
     * @return for example {@code "sex"} or {@code "sex x skin_tone"}
     */
    public String columnsLabel() {
        return String.join(" x ", columns);
    }

    /**
     * The values, joined for display and tables.
     *
     * @return for example {@code "female"} or {@code "female & V"}
     */
    public String valuesLabel() {
        return String.join(" & ", values);
    }

    /** Ordered by columns, then values, lexicographically. */
    @Override
    public int compareTo(GroupKey other) {
        int order = LEXICOGRAPHIC.compare(columns, other.columns);
        return order != 0 ? order : LEXICOGRAPHIC.compare(values, other.values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            text.append(i == 0 ? "" : " & ").append(columns.get(i)).append('=').append(values.get(i));
        }
        return text.toString();
    }
}
