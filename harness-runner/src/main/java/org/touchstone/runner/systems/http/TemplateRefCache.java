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
    /**
     * One template as the service knows it: its reference, that reference's JSON form (quoted UTF-8 bytes,
     * made once, since every comparison request writes it) and whether the service holds it. One lookup
     * per template and call gives all three: the lookups themselves, several per enrolment before, cost a
     * remote comparison as much as a third of an LBP comparison.
     */
    static final class Entry {
        // Not the template itself: the entry is the weak key's value, and would keep its template alive.
        private final SerializedString quoted;
        private volatile int heldEpoch = -1;

        private Entry(SerializedString quoted) {
            this.quoted = quoted;
        }

        /** @return its template's reference */
        String ref() {
            return quoted.getValue();
        }

        /** @return its template's reference as a JSON string a generator copies without escaping it again */
        SerializedString quoted() {
            return quoted;
        }
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Template> dropped = new ReferenceQueue<>();
    /** What the service holds: entries marked in this epoch (forgetting it all is starting a new one) ... */
    private volatile int epoch;
    /** ... and, for templates met again as other objects with the same bytes, the references sent. */
    private final Map<String, Boolean> heldRefs = new ConcurrentHashMap<>();

    /**
     * @param template a template
     * @return its entry
     */
    Entry entry(Template template) {
        purge();
        Entry known = entries.get(new Key(template, null));
        if (known != null) {
            return known;
        }
        Entry made = new Entry(new SerializedString(TemplateRef.of(template)));
        Entry raced = entries.putIfAbsent(new Key(template, dropped), made);
        return raced != null ? raced : made;
    }

    /** @return whether the service is believed to hold this entry's template */
    boolean held(Entry entry) {
        int now = epoch;
        if (entry.heldEpoch == now) {
            return true;
        }
        // Sent before as another Template object with the same bytes: held all the same.
        if (heldRefs.containsKey(entry.ref())) {
            entry.heldEpoch = now;
            return true;
        }
        return false;
    }

    /** Records that the service now holds these entries' templates. */
    void markHeld(Iterable<Entry> stored) {
        int now = epoch;
        stored.forEach(e -> {
            heldRefs.put(e.ref(), Boolean.TRUE);
            e.heldEpoch = now;
        });
    }

    /** Forgets what the service holds (it answered that it lacks one: restarted, or dropped some). */
    synchronized void forgetHeld() {
        epoch++;
        heldRefs.clear();
    }

    private void purge() {
        for (Object k; (k = dropped.poll()) != null; ) {
            entries.remove(k);
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
