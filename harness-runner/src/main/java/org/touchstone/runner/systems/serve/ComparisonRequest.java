package org.touchstone.runner.systems.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.WireJson;

/**
 * The body of {@code POST /v1/compare} in either version of the HTTP API: version 1 sends the probe and
 * the enrolment templates inline ({@code "probe"}, {@code "enrolments"}); version 2 may first send
 * templates to keep ({@code "store"}) and then name the probe and enrolments by reference
 * ({@code "probe_ref"}, {@code "enrolment_refs"}). The two forms may be mixed per side.
 *
 * @param probe      the probe
 * @param enrolments the enrolment templates, in order
 */
record ComparisonRequest(Template probe, List<Template> enrolments) {
    /** A reference to a template the store does not hold: the client must send it again. */
    static final class UnknownTemplateException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownTemplateException(String message) {
            super(message);
        }
    }

    /**
     * @param body  the request's JSON
     * @param store where {@code "store"} puts templates and references are looked up
     * @return the request
     * @throws MalformedMessageException if a field is missing or of the wrong type
     * @throws UnknownTemplateException  if a reference names a template the store does not hold
     */
    static ComparisonRequest read(JsonNode body, TemplateStore store)
            throws MalformedMessageException, UnknownTemplateException {
        if (body.has("store")) {
            ArrayNode kept = WireJson.array(body, "store");
            for (int i = 0; i < kept.size(); i++) {
                store.put(Template.of(WireJson.base64(kept.get(i), "store[" + i + "]")));
            }
        }
        Template probe = body.has("probe_ref") ? resolve(store, WireJson.text(body, "probe_ref"), "probe_ref")
                : Template.of(WireJson.base64(body.get("probe"), "probe"));
        List<Template> enrolments = new ArrayList<>();
        if (body.has("enrolment_refs")) {
            ArrayNode refs = WireJson.array(body, "enrolment_refs");
            for (int i = 0; i < refs.size(); i++) {
                String field = "enrolment_refs[" + i + "]";
                if (!refs.get(i).isTextual()) {
                    throw new MalformedMessageException("'" + field + "' must be a string");
                }
                enrolments.add(resolve(store, refs.get(i).asText(), field));
            }
        } else {
            ArrayNode list = WireJson.array(body, "enrolments");
            for (int i = 0; i < list.size(); i++) {
                enrolments.add(Template.of(WireJson.base64(list.get(i), "enrolments[" + i + "]")));
            }
        }
        return new ComparisonRequest(probe, enrolments);
    }

    private static Template resolve(TemplateStore store, String ref, String field) throws UnknownTemplateException {
        return store.get(ref).orElseThrow(() -> new UnknownTemplateException("'" + field + "' names template " + ref
                + ", which this service does not hold (never stored, or dropped to stay within its "
                + TemplateStore.DEFAULT_MAX_BYTES / (1 << 20) + " MiB): send it in 'store' or inline"));
    }
}
