package org.touchstone.runformat.columns;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A value a column may hold from a fixed vocabulary, such as a row's {@code status}. The runner writes
 * {@link #text()}; the reports {@linkplain #parse parse} it back.
 */
public interface CellValue {
    /**
     * The value as written in the cell.
     *
     * @return for example {@code comparison_failed}
     */
    String text();

    /**
     * Reads a cell of a fixed vocabulary.
     *
     * @param vocabulary the enum of the values the column may hold
     * @param text       the cell
     * @param <E>        the vocabulary's type
     * @return the value, or empty when the cell holds none of them
     */
    static <E extends Enum<E> & CellValue> Optional<E> parse(Class<E> vocabulary, String text) {
        for (E value : vocabulary.getEnumConstants()) {
            if (value.text().equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The texts of a vocabulary, in declaration order, for messages such as "expected one of [ok, failed]".
     *
     * @param vocabulary the enum of the values
     * @param <E>        its type
     * @return every value's text
     */
    static <E extends Enum<E> & CellValue> List<String> texts(Class<E> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants()).map(CellValue::text).toList();
    }
}
