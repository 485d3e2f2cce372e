package org.touchstone.runner.systems.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPartsTest {
    @Test
    void partsAreConsecutiveAndKeepToTheCountAndTheBytes() {
        List<Integer> weights = List.of(3, 3, 3, 0, 0, 9, 1, 1, 1, 1);
        // At most 6 bytes and 3 items a part; an item heavier than the budget travels alone.
        assertThat(RequestParts.of(weights, 3, 6, Integer::longValue)).containsExactly(
                List.of(3, 3), List.of(3, 0, 0), List.of(9), List.of(1, 1, 1), List.of(1));
        assertThat(RequestParts.of(weights, Integer.MAX_VALUE, Long.MAX_VALUE, w -> 0)).containsExactly(weights);
        assertThat(RequestParts.of(List.<Integer>of(), 3, 6, Integer::longValue)).isEmpty();
    }
}
