package org.touchstone.protocols.support;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An unmodifiable list whose elements are computed from their index on each access: a view that costs no
 * memory per element, for plans and datasets of millions of entries that are walked rather than kept.
 *
 * @param <T> the element type
 */
public final class IndexedList<T> extends AbstractList<T> implements RandomAccess {
    private final int size;
    private final IntFunction<T> element;

    private IndexedList(int size, IntFunction<T> element) {
        this.size = size;
        this.element = element;
    }

    /**
     * @param size    the number of elements, at least 0
     * @param element computes the element at an index in [0, size); called on every access, so it should be
     *                cheap and give equal elements for equal indexes
     * @param <T>     the element type
     * @return the list
     */
    public static <T> List<T> of(int size, IntFunction<T> element) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
        return new IndexedList<>(size, Objects.requireNonNull(element, "element"));
    }

    /**
     * @param from the first value
     * @param to   one past the last value
     * @return the integers {@code from, from + 1, ..., to - 1}
     */
    public static List<Integer> range(int from, int to) {
        return of(Math.max(0, to - from), i -> from + i);
    }

    @Override
    public T get(int index) {
        return element.apply(Objects.checkIndex(index, size));
    }

    @Override
    public int size() {
        return size;
    }
}
