package org.touchstone.runner.systems.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Cuts one batched call's enrolments into consecutive parts, each sent as one request, so that no request
 * carries more template bytes than its transport should: the harness hands remote systems up to a thousand
 * enrolments per call, and what a request weighs depends on the transport (every template inline over a pipe
 * or in HTTP version 1; only templates the service does not hold yet in version 2).
 */
public final class RequestParts {
    private RequestParts() {
    }

    /**
     * @param items    the enrolments, in order
     * @param maxItems the most items in one part
     * @param maxBytes the most counted bytes in one part (a part holds at least one item, whatever it weighs)
     * @param bytesOf  what an item counts for in a request
     * @param <T>      the item type
     * @return consecutive parts covering every item once, in order
     */
    public static <T> List<List<T>> of(List<T> items, int maxItems, long maxBytes, ToLongFunction<T> bytesOf) {
        List<List<T>> parts = new ArrayList<>();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            long weight = bytesOf.applyAsLong(items.get(i));
            if (i > from && (i - from == maxItems || bytes + weight > maxBytes)) {
                parts.add(items.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += weight;
        }
        if (from < items.size()) {
            parts.add(items.subList(from, items.size()));
        }
        return parts;
    }
}
