package org.touchstone.reference.identification;

import java.util.ArrayList;
import java.util.List;
import org.touchstone.api.Candidate;

/**
 * The best k (score, enrolment order) pairs seen so far for one probe, kept in a binary min-heap on
 * primitive arrays (no boxing on the scan's hot path). Order is total and deterministic: higher score
 * first, and among equal scores the earlier enrolment first. {@code order} is the enrolment sequence
 * number, so the result does not depend on where a template sits in memory.
 */
final class TopCandidates {
    private final int capacity;
    private final float[] scores;
    private final int[] rows;
    private final int[] orders;
    private int size;

    TopCandidates(int capacity) {
        this.capacity = capacity;
        this.scores = new float[capacity];
        this.rows = new int[capacity];
        this.orders = new int[capacity];
    }

    /** @return true when (a, orderA) ranks below (b, orderB) */
    private static boolean worse(float a, int orderA, float b, int orderB) {
        return a < b || (a == b && orderA > orderB);
    }

    /** @return the score a new row must beat to enter (when full), else negative infinity */
    float bar() {
        return size < capacity ? Float.NEGATIVE_INFINITY : scores[0];
    }

    /**
     * @param score similarity
     * @param row   where the template is stored
     * @param order its enrolment sequence number, the tie-breaker
     */
    void offer(float score, int row, int order) {
        if (size < capacity) {
            int i = size++;
            scores[i] = score;
            rows[i] = row;
            orders[i] = order;
            siftUp(i);
        } else if (worse(scores[0], orders[0], score, order)) {
            scores[0] = score;
            rows[0] = row;
            orders[0] = order;
            siftDown(0);
        }
    }

    void addAll(TopCandidates other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.rows[i], other.orders[i]);
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(scores[i], orders[i], scores[parent], orders[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            int worst = i;
            if (left < size && worse(scores[left], orders[left], scores[worst], orders[worst])) {
                worst = left;
            }
            if (left + 1 < size && worse(scores[left + 1], orders[left + 1], scores[worst], orders[worst])) {
                worst = left + 1;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int r = rows[a];
        rows[a] = rows[b];
        rows[b] = r;
        int o = orders[a];
        orders[a] = orders[b];
        orders[b] = o;
    }

    /**
     * @param ids enrolled ids by row
     * @return the candidates, best first
     */
    List<Candidate> toCandidates(java.util.function.IntFunction<String> ids) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> worse(scores[a], orders[a], scores[b], orders[b]) ? 1
                : worse(scores[b], orders[b], scores[a], orders[a]) ? -1 : 0);
        List<Candidate> candidates = new ArrayList<>(size);
        for (int i : order) {
            candidates.add(new Candidate(ids.apply(rows[i]), scores[i]));
        }
        return candidates;
    }
}
