package org.touchstone.runner.systems.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.wire.TemplateRef;

/**
 * The templates clients have sent to {@code serve}, kept so that later comparisons can name them by
 * reference instead of sending them again (version 2 of the HTTP API). References are the SHA-256 of the
 * template's bytes, computed here, so a client can name only what it (or anyone) really sent, and two
 * clients sending the same template share one copy.
 *
 * <p>Bounded by total bytes; the least recently used templates are dropped first. A client naming a
 * dropped template gets {@code UNKNOWN_TEMPLATE} (409) and sends it again, so eviction costs speed,
 * never a result.
 */
final class TemplateStore {
    /** Total template bytes kept by default: 40,000 LBP templates of 15 KB. */
    static final long DEFAULT_MAX_BYTES = 512L << 20;

    private final long maxBytes;
    private final LinkedHashMap<String, Template> templates = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    TemplateStore(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the template store needs at least one byte, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
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
        synchronized (this) {
            if (templates.get(ref) != null || template.size() > maxBytes) {
                return ref;
            }
            templates.put(ref, template);
            bytes += template.size();
            var oldest = templates.entrySet().iterator();
            while (bytes > maxBytes && oldest.hasNext()) {
                Map.Entry<String, Template> e = oldest.next();
                bytes -= e.getValue().size();
                oldest.remove();
            }
        }
        return ref;
    }

    /**
     * @param ref a reference
     * @return the template, if kept
     */
    synchronized Optional<Template> get(String ref) {
        return Optional.ofNullable(templates.get(ref));
    }

    /**
     * Looks up many references under one lock: a comparison names up to 1,024 templates, and taking the lock
     * once per reference made serve's threads queue for it.
     *
     * @param refs references
     * @return the templates, in order, null where not kept
     */
    synchronized Template[] getAll(List<String> refs) {
        Template[] found = new Template[refs.size()];
        for (int i = 0; i < found.length; i++) {
            found[i] = templates.get(refs.get(i));
        }
        return found;
    }

    /** @return the bytes kept */
    synchronized long bytes() {
        return bytes;
    }
}
