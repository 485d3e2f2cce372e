package org.touchstone.runner.systems.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.wire.TemplateRef;

/** The client's record of what the service holds: by template object, by bytes, forgotten at once, and never keeping a template alive. */
class TemplateRefCacheTest {
    private final TemplateRefCache cache = new TemplateRefCache();

    @Test
    void anEntryNamesItsTemplateAndIsHeldOnceMarked() {
        Template t = Template.of(new byte[] {1, 2, 3});
        TemplateRefCache.Entry entry = cache.entry(t);
        assertThat(entry.ref()).isEqualTo(TemplateRef.of(t));
        assertThat(entry.quoted().getValue()).isEqualTo(entry.ref());
        assertThat(cache.entry(t)).isSameAs(entry);
        assertThat(cache.held(entry)).isFalse();

        cache.markHeld(List.of(entry));
        assertThat(cache.held(entry)).isTrue();
        // Another object with the same bytes is the same template to the service.
        assertThat(cache.held(cache.entry(Template.of(new byte[] {1, 2, 3})))).isTrue();
        assertThat(cache.held(cache.entry(Template.of(new byte[] {1, 2, 4})))).isFalse();

        cache.forgetHeld();
        assertThat(cache.held(entry)).isFalse();
        assertThat(cache.held(cache.entry(Template.of(new byte[] {1, 2, 3})))).isFalse();
    }

    @Test
    void theCacheDoesNotKeepATemplateAlive() throws InterruptedException {
        Template t = Template.of(new byte[1 << 16]);
        cache.markHeld(List.of(cache.entry(t)));
        WeakReference<Template> watched = new WeakReference<>(t);
        t = null;
        for (int i = 0; i < 50 && watched.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(watched.get()).as("template still reachable").isNull();
    }
}
