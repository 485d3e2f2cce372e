package org.touchstone.runner.systems.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.wire.TemplateRef;

/** The client's record of what the service holds: by bytes, forgotten at once, and never keeping a template alive. */
class TemplateRefCacheTest {
    private final TemplateRefCache cache = new TemplateRefCache();

    @Test
    void aTemplateIsNamedByItsSha256AndHeldOnceMarked() {
        Template t = Template.of(new byte[] {1, 2, 3});
        String ref = cache.ref(t);
        assertThat(ref).isEqualTo(TemplateRef.of(t));
        assertThat(cache.quoted(t).getValue()).isEqualTo(ref);
        assertThat(cache.held(ref)).isFalse();

        cache.markHeld(List.of(ref));
        assertThat(cache.held(ref)).isTrue();
        // Another object with the same bytes is the same template to the service.
        assertThat(cache.held(cache.ref(Template.of(new byte[] {1, 2, 3})))).isTrue();
        assertThat(cache.held(cache.ref(Template.of(new byte[] {1, 2, 4})))).isFalse();

        cache.forgetHeld();
        assertThat(cache.held(ref)).isFalse();
    }

    @Test
    void theCacheDoesNotKeepATemplateAlive() throws InterruptedException {
        Template t = Template.of(new byte[1 << 16]);
        cache.markHeld(List.of(cache.ref(t)));
        WeakReference<Template> watched = new WeakReference<>(t);
        t = null;
        for (int i = 0; i < 50 && watched.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(watched.get()).as("template still reachable").isNull();
    }
}
