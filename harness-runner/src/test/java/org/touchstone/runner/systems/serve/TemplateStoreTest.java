package org.touchstone.runner.systems.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.wire.TemplateRef;

/** The store keeps what was used last within its byte bound. */
class TemplateStoreTest {
    private final TemplateStore store = new TemplateStore(1000);

    @Test
    void theLeastRecentlyUsedAreDroppedFirst() {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            refs.add(store.put(template(i, 100)));
        }
        assertThat(store.bytes()).isEqualTo(1000);
        // Used again: 0 and 1 are now the most recent, 2 and 3 the least.
        assertThat(store.get(refs.get(0))).isPresent();
        assertThat(store.put(template(1, 100))).isEqualTo(refs.get(1));

        String eleventh = store.put(template(10, 100));
        String twelfth = store.put(template(11, 100));

        assertThat(store.bytes()).isEqualTo(1000);
        assertThat(store.get(refs.get(2))).isEmpty();
        assertThat(store.get(refs.get(3))).isEmpty();
        for (int i : new int[] {0, 1, 4, 5, 6, 7, 8, 9}) {
            assertThat(store.get(refs.get(i))).as("template %d", i).isPresent();
        }
        assertThat(store.get(eleventh)).isPresent();
        assertThat(store.get(twelfth)).isPresent();
    }

    @Test
    void aTemplateLargerThanTheStoreIsNamedButNotKept() {
        String big = store.put(template(1, 1001));
        assertThat(store.get(big)).isEmpty();
        assertThat(store.bytes()).isZero();
    }

    @Test
    void theSameBytesAreKeptOnce() {
        String a = store.put(template(3, 100));
        String b = store.put(template(3, 100));
        assertThat(a).isEqualTo(b);
        assertThat(store.bytes()).isEqualTo(100);
        assertThat(store.get(a).orElseThrow().toByteArray()).isEqualTo(template(3, 100).toByteArray());
    }

    @Test
    void manyAreLookedUpInOrderAndCountAsUse() {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            refs.add(store.put(template(i, 100)));
        }
        String absent = TemplateRef.of(template(99, 100));
        Template[] found = store.getAll(List.of(refs.get(3), absent, refs.get(0), refs.get(3)));
        assertThat(found[0].toByteArray()).isEqualTo(template(3, 100).toByteArray());
        assertThat(found[1]).isNull();
        assertThat(found[2].toByteArray()).isEqualTo(template(0, 100).toByteArray());
        assertThat(found[3]).isSameAs(found[0]);
        // 0 and 3 were used last, so two more templates drop 1 and 2.
        store.put(template(10, 100));
        store.put(template(11, 100));
        assertThat(store.getAll(List.of(refs.get(0), refs.get(1), refs.get(2), refs.get(3))))
                .extracting(t -> t != null).containsExactly(true, false, false, true);
    }

    private static Template template(int n, int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) n;
        return Template.of(bytes);
    }
}
