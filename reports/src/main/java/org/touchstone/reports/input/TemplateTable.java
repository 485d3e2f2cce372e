package org.touchstone.reports.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    public static final int NO_GROUP = GroupAssignment.NO_GROUP;

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
                String templateId = table.nonEmpty(id);
                String templateRole = table.get(role);
                if (!ROLES.contains(templateRole)) {
                    throw table.error(role, "expected one of " + ROLES + ", found \"" + templateRole + "\"");
                }
                String subjectId = table.nonEmpty(subject);
                boolean failed = table.okOrFailed(status, code);
                String failureCode = table.get(code);
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
        GroupAssignment assignment = GroupAssignment.of(groupColumns, rawGroups, List.of());
        List<List<String>> groupValues = new ArrayList<>();
        for (int g = 0; g < groupColumns.size(); g++) {
            groupValues.add(assignment.values(g));
        }
        List<Template> inFileOrder = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Template row = rows.get(r);
            Template template = new Template(row.index(), row.id(), row.role(), row.subjectId(), row.failed(),
                    row.failureCode(), assignment.groups(r));
            byRoleAndId.computeIfAbsent(row.role(), k -> new HashMap<>()).put(row.id(), template);
            inFileOrder.add(template);
        }
        return new TemplateTable(List.copyOf(groupColumns), List.copyOf(groupValues), byRoleAndId, inFileOrder);
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
     * Looks up the template a CSV field names, which must exist in the given role.
     *
     * @param table  the table positioned on a row
     * @param column 0-based column holding a template id
     * @param role   the role the template must have
     * @return the template
     * @throws RunDirectoryException naming the field when templates.csv has no such row
     */
    Template require(CsvTable table, int column, String role) throws RunDirectoryException {
        Template template = find(role, table.get(column));
        if (template == null) {
            throw table.error(column, "unknown template \"" + table.get(column) + "\": templates.csv has no row with"
                    + " that template_id and role " + role);
        }
        return template;
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
