package org.touchstone.runner.systems.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.wire.TemplateRef;

/**
 * The templates clients have sent to {@code serve}, kept so that later comparisons can name them by
 * reference instead of sending them again (version 2 of the HTTP API). References are the SHA-256 of the
 * template's bytes, computed here, so a client can name only what it (or anyone) really sent, and two
 * clients sending the same template share one copy.
 *
 * <p>Bounded by total bytes; the least recently used templates are dropped first, "recently" to within
 * {@link #USE_RESOLUTION_NS}: a comparison call names hundreds of templates, and an exact order (a linked
 * list relinked under a lock on every lookup) cost as much as a third of an LBP comparison per reference.
 * A client naming a dropped template gets {@code UNKNOWN_TEMPLATE} (409) and sends it again, so eviction
 * costs speed, never a result.
 */
final class TemplateStore {
    /** Total template bytes kept by default: 40,000 LBP templates of 15 KB. */
    static final long DEFAULT_MAX_BYTES = 512L << 20;
    /** How finely last use is told apart (about 0.1 s): an entry is written to at most that often. */
    static final int USE_RESOLUTION_SHIFT = 27;
    static final long USE_RESOLUTION_NS = 1L << USE_RESOLUTION_SHIFT;

    private static final class Kept {
        final Template template;
        volatile long lastUsed;

        Kept(Template template, long now) {
            this.template = template;
            this.lastUsed = now;
        }
    }

    private final long maxBytes;
    private final LongSupplier clock;
    private final Map<String, Kept> templates = new ConcurrentHashMap<>(1024);
    private long bytes;

    TemplateStore(long maxBytes) {
        this(maxBytes, () -> System.nanoTime() >> USE_RESOLUTION_SHIFT);
    }

    /** @param clock the time of use, in units of {@link #USE_RESOLUTION_NS} (a test's own clock) */
    TemplateStore(long maxBytes, LongSupplier clock) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the template store needs at least one byte, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /**
     * Keeps a template (a template larger than the whole store is not kept, but its reference is still
     * returned: using it then gets {@code UNKNOWN_TEMPLATE}).
     *
     * @param template the template
     * @return its reference
     */
    String put(Template template) {
        String ref = TemplateRef.of(template);
        long now = clock.getAsLong();
        synchronized (this) {
            Kept known = templates.get(ref);
            if (known != null) {
                known.lastUsed = now;
                return ref;
            }
            if (template.size() > maxBytes) {
                return ref;
            }
            templates.put(ref, new Kept(template, now));
            bytes += template.size();
            if (bytes > maxBytes) {
                dropLeastRecentlyUsed();
            }
        }
        return ref;
    }

    /**
     * Drops the least recently used templates until the store is a tenth below its bound, so that a stream of
     * new templates sorts the store once per tenth of it, not once per template. Called holding the lock.
     */
    private void dropLeastRecentlyUsed() {
        long target = maxBytes - maxBytes / 10;
        List<Map.Entry<String, Kept>> byUse = new ArrayList<>(templates.entrySet());
        byUse.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
        for (Map.Entry<String, Kept> e : byUse) {
            if (bytes <= target) {
                break;
            }
            if (templates.remove(e.getKey(), e.getValue())) {
                bytes -= e.getValue().template.size();
            }
        }
    }

    /**
     * @param ref a reference
     * @return the template, if kept
     */
    Optional<Template> get(String ref) {
        Kept kept = templates.get(ref);
        if (kept == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (kept.lastUsed != now) {
            kept.lastUsed = now;
        }
        return Optional.of(kept.template);
    }

    /** @return the bytes kept */
    synchronized long bytes() {
        return bytes;
    }
}
