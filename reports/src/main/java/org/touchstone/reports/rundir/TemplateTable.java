package org.touchstone.reports.rundir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.touchstone.reports.RunDirectoryException;

/**
 * The rows of {@code templates.csv}: one per template-creation call, keyed by {@code (template_id, role)}.
 * Group values are held as indices into each group column's sorted list of values.
 */
public final class TemplateTable {
    /** Role of the enrolment side of a 1:1 comparison. */
    public static final String ENROLMENT_ROLE = "verification_enrolment";
    /** Role of the probe side of a 1:1 comparison. */
    public static final String PROBE_ROLE = "verification_probe";
    /** Every role the SPI defines, lower case, in its order. */
    public static final List<String> ROLES = List.of(ENROLMENT_ROLE, PROBE_ROLE,
            "identification_enrolment", "identification_probe");
    /** The group index of a template whose group cell is empty (unknown). */
    public static final int NO_GROUP = -1;

    private static final String GROUP_PREFIX = "group:";

    /**
     * One template.
     *
     * @param index       0-based position in the file, unique per row
     * @param id          template id
     * @param role        role, one of {@link #ROLES}
     * @param subjectId   subject the template shows
     * @param failed      whether its creation failed
     * @param failureCode the failure code, empty when ok
     * @param groups      per group column, the index of its value in {@link #groupValues(int)}, or
     *                    {@link #NO_GROUP}
     */
    public record Template(int index, String id, String role, String subjectId, boolean failed, String failureCode,
                           int[] groups) {
    }

    private final List<String> groupColumns;
    private final List<List<String>> groupValues;
    private final Map<String, Map<String, Template>> byRoleAndId;
    private final List<Template> inFileOrder;

    private TemplateTable(List<String> groupColumns, List<List<String>> groupValues,
                          Map<String, Map<String, Template>> byRoleAndId, List<Template> inFileOrder) {
        this.groupColumns = groupColumns;
        this.groupValues = groupValues;
        this.byRoleAndId = byRoleAndId;
        this.inFileOrder = inFileOrder;
    }

    /**
     * Reads and validates {@code templates.csv}.
     *
     * @param file         the file
     * @param groupColumns the evaluation's group columns; each needs a {@code group:<name>} column
     * @return the table
     * @throws RunDirectoryException when a column is missing or a row is malformed or duplicated
     * @throws IOException           when the file cannot be read
     */
    public static TemplateTable read(Path file, List<String> groupColumns) throws IOException {
        List<String> required = new ArrayList<>(List.of("template_id", "role", "subject_id", "status", "failure_code"));
        groupColumns.forEach(column -> required.add(GROUP_PREFIX + column));
        Map<String, Map<String, Template>> byRoleAndId = new HashMap<>();
        Map<String, Map<String, Long>> linesByRoleAndId = new HashMap<>();
        List<String[]> rawGroups = new ArrayList<>();
        List<Template> rows = new ArrayList<>();
        try (CsvTable table = CsvTable.open(file, required)) {
            int id = table.column("template_id");
            int role = table.column("role");
            int subject = table.column("subject_id");
            int status = table.column("status");
            int code = table.column("failure_code");
            int[] groups = groupColumns.stream().mapToInt(column -> table.column(GROUP_PREFIX + column)).toArray();
            while (table.next()) {
                String templateId = nonEmpty(table, id);
                String templateRole = table.get(role);
                if (!ROLES.contains(templateRole)) {
                    throw table.error(role, "expected one of " + ROLES + ", found \"" + templateRole + "\"");
                }
                String subjectId = nonEmpty(table, subject);
                boolean failed = switch (table.get(status)) {
                    case "ok" -> false;
                    case "failed" -> true;
                    default -> throw table.error(status, "expected \"ok\" or \"failed\", found \"" + table.get(status) + "\"");
                };
                String failureCode = table.get(code);
                if (failed == failureCode.isEmpty()) {
                    throw table.error(code, failed ? "a failed template needs a failure code"
                            : "expected no failure code for status ok, found \"" + failureCode + "\"");
                }
                Long previous = linesByRoleAndId.computeIfAbsent(templateRole, r -> new HashMap<>())
                        .putIfAbsent(templateId, table.line());
                if (previous != null) {
                    throw table.error(id, "duplicate template (" + templateId + ", " + templateRole
                            + "), first on line " + previous);
                }
                String[] groupCells = new String[groups.length];
                for (int g = 0; g < groups.length; g++) {
                    groupCells[g] = table.get(groups[g]);
                }
                rawGroups.add(groupCells);
                rows.add(new Template(rows.size(), templateId, templateRole, subjectId, failed, failureCode, null));
            }
        }
        List<List<String>> groupValues = new ArrayList<>();
        List<Map<String, Integer>> groupIndex = new ArrayList<>();
        for (int g = 0; g < groupColumns.size(); g++) {
            TreeSet<String> values = new TreeSet<>();
            for (String[] cells : rawGroups) {
                if (!cells[g].isEmpty()) {
                    values.add(cells[g]);
                }
            }
            List<String> sorted = List.copyOf(values);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < sorted.size(); i++) {
                index.put(sorted.get(i), i);
            }
            groupValues.add(sorted);
            groupIndex.add(index);
        }
        List<Template> inFileOrder = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Template row = rows.get(r);
            int[] groups = new int[groupColumns.size()];
            for (int g = 0; g < groups.length; g++) {
                String cell = rawGroups.get(r)[g];
                groups[g] = cell.isEmpty() ? NO_GROUP : groupIndex.get(g).get(cell);
            }
            Template template = new Template(row.index(), row.id(), row.role(), row.subjectId(), row.failed(), row.failureCode(), groups);
            byRoleAndId.computeIfAbsent(row.role(), k -> new HashMap<>()).put(row.id(), template);
            inFileOrder.add(template);
        }
        return new TemplateTable(List.copyOf(groupColumns), List.copyOf(groupValues), byRoleAndId, inFileOrder);
    }

    private static String nonEmpty(CsvTable table, int column) throws RunDirectoryException {
        String value = table.get(column);
        if (value.isEmpty()) {
            throw table.error(column, "expected a non-empty value");
        }
        return value;
    }

    /**
     * Looks a template up.
     *
     * @param role one of {@link #ROLES}
     * @param id   template id
     * @return the template, or null when there is no such row
     */
    public Template find(String role, String id) {
        Map<String, Template> ids = byRoleAndId.get(role);
        return ids == null ? null : ids.get(id);
    }

    /**
     * Every template, in file order.
     *
     * @return the templates
     */
    public List<Template> templates() {
        return inFileOrder;
    }

    /**
     * The evaluation's group columns.
     *
     * @return names without the {@code group:} prefix
     */
    public List<String> groupColumns() {
        return groupColumns;
    }

    /**
     * The distinct non-empty values of a group column, sorted.
     *
     * @param column index into {@link #groupColumns()}
     * @return the values; a template's group index points into this list
     */
    public List<String> groupValues(int column) {
        return groupValues.get(column);
    }

}
