package org.touchstone.runformat;

import java.util.List;
import org.touchstone.runformat.columns.Column;

/**
 * A raw file of the run directory: what the runner observed, from which the reports compute everything.
 *
 * @param name    its path in the run directory, {@code /} separated
 * @param columns its columns, in header order (families expand to one column per member)
 */
public record RawFile(String name, List<Column> columns) {
    /**
     * @param name    not empty
     * @param columns copied
     */
    public RawFile {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a raw file needs a name");
        }
        columns = List.copyOf(columns);
    }

    /**
     * A CSV file whose columns are an enum's constants.
     *
     * @param name    its name
     * @param columns the enum's {@code values()}
     * @return the file
     */
    static RawFile csv(String name, Column[] columns) {
        return new RawFile(name, List.of(columns));
    }
}
