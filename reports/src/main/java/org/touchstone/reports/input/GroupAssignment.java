package org.touchstone.reports.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The group each record (a template, an image) is in, for each group column of the evaluation and then
 * for each intersection of group columns. Values are held as indices into each column's sorted list of
 * the values that occur, so that per-group results come out in a stable order.
 *
 * <p>An intersection of columns {@code sex} and {@code skin_tone} is a column named
 * {@code "sex & skin_tone"} whose values join the parts the same way ({@code "female & V"}); a record with
 * an empty cell in any part is in no group of the intersection.
 */
public final class GroupAssignment {
    /** The group index of a record whose cell is empty (unknown). */
    public static final int NO_GROUP = -1;
    /** Joins the names and the values of the columns of an intersection. */
    public static final String INTERSECTION_SEPARATOR = " & ";

    private final List<String> columns;
    private final List<List<String>> values;
    private final int[][] groups;

    private GroupAssignment(List<String> columns, List<List<String>> values, int[][] groups) {
        this.columns = columns;
        this.values = values;
        this.groups = groups;
    }

    /**
     * Assigns the records to groups.
     *
     * @param columns       the group column names, without {@code group:}
     * @param cells         per record, its cell in each column (same order as {@code columns}); empty = unknown
     * @param intersections each a list of two or more of {@code columns}
     * @return the assignment, over the columns and then the intersections
     * @throws IllegalArgumentException when an intersection names a column not in {@code columns}
     */
    public static GroupAssignment of(List<String> columns, List<String[]> cells, List<List<String>> intersections) {
        List<String> allColumns = new ArrayList<>(columns);
        List<String[]> allCells = new ArrayList<>(cells.size());
        for (String[] row : cells) {
            String[] extended = new String[columns.size() + intersections.size()];
            System.arraycopy(row, 0, extended, 0, columns.size());
            allCells.add(extended);
        }
        for (int i = 0; i < intersections.size(); i++) {
            List<String> parts = intersections.get(i);
            int[] indices = parts.stream().mapToInt(columns::indexOf).toArray();
            for (int index : indices) {
                if (index < 0) {
                    throw new IllegalArgumentException("intersection " + parts + " names a column not in " + columns);
                }
            }
            allColumns.add(String.join(INTERSECTION_SEPARATOR, parts));
            for (String[] row : allCells) {
                List<String> joined = new ArrayList<>();
                for (int index : indices) {
                    joined.add(row[index]);
                }
                row[columns.size() + i] = joined.contains("") ? "" : String.join(INTERSECTION_SEPARATOR, joined);
            }
        }

        List<List<String>> values = new ArrayList<>();
        int[][] groups = new int[allCells.size()][allColumns.size()];
        for (int c = 0; c < allColumns.size(); c++) {
            TreeSet<String> distinct = new TreeSet<>();
            for (String[] row : allCells) {
                if (!row[c].isEmpty()) {
                    distinct.add(row[c]);
                }
            }
            List<String> sorted = List.copyOf(distinct);
            Map<String, Integer> index = new HashMap<>();
            for (int v = 0; v < sorted.size(); v++) {
                index.put(sorted.get(v), v);
            }
            for (int r = 0; r < allCells.size(); r++) {
                String cell = allCells.get(r)[c];
                groups[r][c] = cell.isEmpty() ? NO_GROUP : index.get(cell);
            }
            values.add(sorted);
        }
        return new GroupAssignment(List.copyOf(allColumns), List.copyOf(values), groups);
    }

    /**
     * The group columns, then the intersections.
     *
     * @return column names
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The distinct non-empty values of a column, sorted.
     *
     * @param column index into {@link #columns()}
     * @return the values; a record's group index points into this list
     */
    public List<String> values(int column) {
        return values.get(column);
    }

    /**
     * A record's group in one column.
     *
     * @param record 0-based position in the {@code cells} given to {@link #of}
     * @param column index into {@link #columns()}
     * @return an index into {@link #values(int)}, or {@link #NO_GROUP}
     */
    public int group(int record, int column) {
        return groups[record][column];
    }

    /**
     * A record's groups.
     *
     * @param record 0-based position in the {@code cells} given to {@link #of}
     * @return a fresh array: per column, an index into {@link #values(int)}, or {@link #NO_GROUP}
     */
    public int[] groups(int record) {
        return groups[record].clone();
    }
}
