package org.touchstone.runformat.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A column of a run-directory CSV file, as {@code docs/run-directory.md} specifies it. Every file has one
 * enum of its columns, in header order; the runner writes its header from that enum and the reports look
 * its columns up by it, so a column name is typed once.
 *
 * <p>A <em>family</em> stands for a run of columns sharing a prefix, one per member, for example
 * {@code group:<name>}, one per group column of the dataset.
 */
public interface Column {
    /**
     * The column's name in the header row.
     *
     * @return the name, or for a family its prefix (such as {@code group:})
     */
    String header();

    /**
     * Whether this stands for a run of columns named prefix + member: its header ends with {@code ':'}, which
     * no single column's does.
     *
     * @return true for a family such as {@code group:<name>}
     */
    default boolean isFamily() {
        return header().endsWith(":");
    }

    /**
     * The column of one member of a family.
     *
     * @param member for example a group column's name
     * @return prefix + member, such as {@code group:sex}
     * @throws IllegalStateException if this is not a family
     */
    default String member(String member) {
        if (!isFamily()) {
            throw new IllegalStateException(header() + " is a single column, not a family");
        }
        return header() + member;
    }

    /**
     * Builds a header row.
     *
     * @param columns the file's columns in order
     * @param members the members of each family among them (a family without an entry has none)
     * @return the column names in order, each family expanded to its members
     */
    static String[] headerRow(Column[] columns, Map<? extends Column, List<String>> members) {
        List<String> header = new ArrayList<>();
        for (Column column : columns) {
            if (column.isFamily()) {
                members.getOrDefault(column, List.of()).forEach(member -> header.add(column.member(member)));
            } else {
                header.add(column.header());
            }
        }
        return header.toArray(String[]::new);
    }
}
