package org.touchstone.reports.rendering;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.reports.input.TemplateTable;
import org.touchstone.reports.stats.Proportion;

/**
 * Failure to enrol, per template role, as the verification and identification reports give it: over all
 * templates and per group, in metrics.json ({@code failure_to_enrol}), in {@value #TABLE} and in the
 * headline.
 */
public final class FailureToEnrol {
    /** The table, relative to the run directory. */
    public static final String TABLE = "tables/failure-to-enrol.csv";

    // Role first: Commons CSV quotes an empty first field ("") and overall rows have no group.
    private static final List<String> HEADER = List.of("role", "group_column", "group", "failed_templates",
            "templates", "fte", "fte_ci95_lower", "fte_ci95_upper", "fte_wilson95_lower", "fte_wilson95_upper",
            "fte_upper95");

    private FailureToEnrol() {
    }

    /**
     * One group's failure to enrol.
     *
     * @param column    the group column (or intersection) as written in tables
     * @param group     the group's value as written in tables
     * @param fteByRole failure to enrol per role
     */
    public record Group(String column, String group, Map<String, Proportion> fteByRole) {
    }

    /**
     * The roles that some template has.
     *
     * @param templates the templates
     * @return the roles, in SPI role order
     */
    public static List<String> rolesPresent(List<TemplateTable.Template> templates) {
        List<String> roles = new ArrayList<>();
        for (String role : TemplateTable.ROLES) {
            if (templates.stream().anyMatch(t -> t.role().equals(role))) {
                roles.add(role);
            }
        }
        return roles;
    }

    /**
     * Failure to enrol of some templates, per role.
     *
     * @param templates the templates
     * @param roles     the roles to count, each given even when none of these templates has it
     * @return role to failed templates of all templates of that role, in {@code roles} order
     */
    public static Map<String, Proportion> byRole(List<TemplateTable.Template> templates, List<String> roles) {
        Map<String, Proportion> fte = new LinkedHashMap<>();
        for (String role : roles) {
            long total = templates.stream().filter(t -> t.role().equals(role)).count();
            long failed = templates.stream().filter(t -> t.role().equals(role) && t.failed()).count();
            fte.put(role, new Proportion(failed, total));
        }
        return fte;
    }

    /**
     * metrics.json's {@code failure_to_enrol} array.
     *
     * @param fteByRole failure to enrol per role
     * @return one object per role
     */
    public static ArrayNode json(Map<String, Proportion> fteByRole) {
        ArrayNode array = MetricsJson.NODES.arrayNode();
        fteByRole.forEach((role, fte) -> {
            ObjectNode node = array.addObject();
            node.put("role", role);
            MetricsJson.proportion(node, "failed_templates", "templates", "fte", fte);
        });
        return array;
    }

    /**
     * {@value #TABLE}: the overall rows (empty group cells), then each group's.
     *
     * @param overall failure to enrol per role over all templates
     * @param groups  each group's
     * @return the table
     */
    public static byte[] table(Map<String, Proportion> overall, List<Group> groups) {
        List<List<String>> rows = new ArrayList<>();
        overall.forEach((role, fte) -> rows.add(row("", "", role, fte)));
        for (Group group : groups) {
            group.fteByRole().forEach((role, fte) -> rows.add(row(group.column(), group.group(), role, fte)));
        }
        return CsvTables.csv(HEADER, rows);
    }

    /**
     * The headline's line, e.g. "failure to enrol: verification_probe 1.00% (2/200)".
     *
     * @param fteByRole failure to enrol per role
     * @return the line
     */
    public static String headline(Map<String, Proportion> fteByRole) {
        List<String> fte = new ArrayList<>();
        for (Map.Entry<String, Proportion> role : fteByRole.entrySet()) {
            fte.add(role.getKey() + " " + Numbers.percent(role.getValue()));
        }
        return "failure to enrol: " + String.join(", ", fte);
    }

    private static List<String> row(String column, String group, String role, Proportion fte) {
        List<String> row = new ArrayList<>(List.of(role, column, group));
        row.addAll(CsvTables.proportionCells(fte));
        return row;
    }
}
