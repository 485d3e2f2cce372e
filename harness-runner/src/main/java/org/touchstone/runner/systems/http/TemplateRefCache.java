package org.touchstone.runner.systems.http;

import com.fasterxml.jackson.core.io.SerializedString;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.wire.TemplateRef;

/**
 * The client's side of template references (version 2 of the HTTP API): each template's reference,
 * computed once, and which references the service already holds.
 *
 * <p>Templates are looked up by identity, not by {@code Template.equals}: the engine hands the same
 * {@code Template} object to every comparison it takes part in, and hashing 15 KB of bytes on every
 * lookup would cost more than the round trip it saves. The JDK has no weak identity map, hence this
 * small one (weak, so that templates the run has dropped are not kept alive by the cache).
 */
final class TemplateRefCache {
    /** Each reference with its JSON form (quoted UTF-8 bytes, made once), since every comparison request writes it. */
    private final Map<Key, SerializedString> refs = new ConcurrentHashMap<>();
    private final ReferenceQueue<Template> dropped = new ReferenceQueue<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();

    /**
     * @param template a template
     * @return its reference
     */
    String ref(Template template) {
        return quoted(template).getValue();
    }

    /**
     * @param template a template
     * @return its reference, as a JSON string a generator copies without escaping it again
     */
    SerializedString quoted(Template template) {
        purge();
        SerializedString known = refs.get(new Key(template, null));
        if (known != null) {
            return known;
        }
        SerializedString ref = new SerializedString(TemplateRef.of(template));
        refs.put(new Key(template, dropped), ref);
        return ref;
    }

    /** @return whether the service is believed to hold the template with this reference */
    boolean held(String ref) {
        return held.containsKey(ref);
    }

    /** Records that the service now holds these references. */
    void markHeld(Iterable<String> stored) {
        stored.forEach(r -> held.put(r, Boolean.TRUE));
    }

    /** Forgets what the service holds (it answered that it lacks one: restarted, or dropped some). */
    void forgetHeld() {
        held.clear();
    }

    private void purge() {
        for (Object k; (k = dropped.poll()) != null; ) {
            refs.remove(k);
        }
    }

    /** A weak key compared by the identity of its template. */
    private static final class Key extends WeakReference<Template> {
        private final int hash;

        Key(Template template, ReferenceQueue<Template> queue) {
            super(template, queue);
            this.hash = System.identityHashCode(template);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            Object mine = get();
            return o instanceof Key k && mine != null && mine == k.get();
        }
    }
}
