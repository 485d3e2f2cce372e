package org.touchstone.runformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.touchstone.runformat.columns.Column;
import org.touchstone.runformat.runjson.RunJsonFile;

/**
 * {@code docs/run-directory.md} is the specification of the run directory; the code's schema must be what it
 * says. Every raw table's columns, in order, are those of its {@code | column | meaning |} table, and every
 * field of run.json's records that holds a value is listed in the {@code | field | meaning |} tables of its
 * "run.json" section, which lists no field the records do not have (objects may be listed too).
 */
class RunDirectoryDocumentTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern FILE_HEADING = Pattern.compile("^#{2,4} ([a-z]+\\.csv)\\s*$");
    private static final Pattern FILE_BULLET = Pattern.compile("^- `([a-z]+\\.csv)`");

    private static List<String> lines;

    @BeforeAll
    static void readTheSpecification() throws IOException {
        lines = Files.readAllLines(repositoryRoot().resolve("docs/run-directory.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theSpecificationNamesTheCurrentFormat() {
        assertThat(lines.get(0)).isEqualTo("# The run directory (format `" + RunFormatVersion.CURRENT.id() + "`)");
    }

    @Test
    void everyRawTableHasTheDocumentedColumnsInTheirOrder() {
        Map<String, List<String>> documented = documentedColumns();
        Map<String, List<String>> coded = new LinkedHashMap<>();
        for (RawFile file : RunFormatVersion.CURRENT.rawFiles()) {
            coded.put(file.name(), file.columns().stream().map(Column::header).toList());
        }
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(coded);
    }

    @Test
    void everyRunJsonFieldIsDocumentedAndEveryDocumentedOneIsKnown() {
        Set<String> known = RunJsonFile.fieldPaths();
        Set<String> values = new TreeSet<>(known);
        values.removeIf(path -> known.stream().anyMatch(other -> other.startsWith(path + ".")
                || other.startsWith(path + "[].")));
        Set<String> documented = documentedRunJsonFields();
        assertThat(values).as("run.json fields the code knows but docs/run-directory.md does not list")
                .isSubsetOf(documented);
        assertThat(documented).as("run.json fields docs/run-directory.md lists but the code does not know")
                .isSubsetOf(known);
    }

    @Test
    void everyNamedFileIsInTheDocumentedTreeAndTheSignatureHasItsSection() throws IllegalAccessException {
        List<String> tree = lines.subList(lines.indexOf("```") + 1, lines.indexOf("## run.json") - 1);
        for (java.lang.reflect.Field field : RunFiles.class.getFields()) {
            String name = (String) field.get(null);
            assertThat(tree).as("RunFiles.%s (%s) in the tree at the top of docs/run-directory.md", field.getName(), name)
                    .anyMatch(line -> line.strip().startsWith(name));
        }
        assertThat(lines).contains("## " + RunFiles.RUN_JSON_SIGNATURE + " (signed runs)");
    }

    /** The columns of every {@code | column | meaning |} table, by the file the table follows. */
    private static Map<String, List<String>> documentedColumns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        String file = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher heading = FILE_HEADING.matcher(line);
            Matcher bullet = FILE_BULLET.matcher(line);
            if (heading.find()) {
                file = heading.group(1);
            } else if (bullet.find()) {
                file = bullet.group(1);
            } else if (line.startsWith("#")) {
                file = null;
            } else if (line.equals("| column | meaning |")) {
                List<String> names = new ArrayList<>();
                for (List<String> row : rows(i)) {
                    row.forEach(name -> names.add(name.contains("<") ? name.substring(0, name.indexOf('<')) : name));
                }
                assertThat(file).as("the column table on line %d follows no file name", i + 1).isNotNull();
                assertThat(columns.put(file, names)).as("a second column table for %s", file).isNull();
            }
        }
        return columns;
    }

    /** The paths of every {@code | field | meaning |} table of the "run.json" section. */
    private static Set<String> documentedRunJsonFields() {
        Set<String> fields = new TreeSet<>();
        int start = lines.indexOf("## run.json");
        assertThat(start).as("a \"## run.json\" section").isNotNegative();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).strip().equals("| field | meaning |")) {
                rows(i).forEach(fields::addAll);
            }
        }
        assertThat(fields).as("run.json fields documented").isNotEmpty();
        return fields;
    }

    /** The code spans of the first cell of each row of the table whose header is on line {@code header}. */
    private static List<List<String>> rows(int header) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
            String first = lines.get(i).strip().substring(1).split("\\|", 2)[0];
            List<String> names = new ArrayList<>();
            Matcher code = CODE.matcher(first);
            while (code.find()) {
                names.add(code.group(1));
            }
            rows.add(names);
        }
        return rows;
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/run-directory.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/run-directory.md above " + Path.of("").toAbsolutePath());
    }
}
