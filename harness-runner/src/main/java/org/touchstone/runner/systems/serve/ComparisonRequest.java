package org.touchstone.runner.systems.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Reads the common form of a version-2 request straight from its bytes, {@code {"store": [],
     * "probe_ref": "...", "enrolment_refs": ["...", ...]}} (the store empty or absent), without a tree: a
     * call names hundreds of templates. Anything else is left to {@link #read}, whose checks and messages are
     * the reference; references are resolved as it resolves them.
     *
     * @param body  the request's bytes
     * @param store where references are looked up
     * @return the request, or null when the body is not in that form
     * @throws UnknownTemplateException if a reference names a template the store does not hold
     */
    static ComparisonRequest readPlain(byte[] body, TemplateStore store) throws UnknownTemplateException {
        String probeRef = null;
        List<String> enrolmentRefs = null;
        try (JsonParser in = WireJson.MAPPER.getFactory().createParser(body)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            boolean storeSeen = false;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if (field.equals("store") && !storeSeen && value == JsonToken.START_ARRAY) {
                    storeSeen = true;
                    if (in.nextToken() != JsonToken.END_ARRAY) {
                        return null;
                    }
                } else if (field.equals("probe_ref") && probeRef == null && value == JsonToken.VALUE_STRING) {
                    probeRef = in.getText();
                } else if (field.equals("enrolment_refs") && enrolmentRefs == null && value == JsonToken.START_ARRAY) {
                    enrolmentRefs = new ArrayList<>();
                    JsonToken item;
                    while ((item = in.nextToken()) == JsonToken.VALUE_STRING) {
                        enrolmentRefs.add(in.getText());
                    }
                    if (item != JsonToken.END_ARRAY) {
                        return null;
                    }
                } else {
                    return null;
                }
            }
            if (in.currentToken() != JsonToken.END_OBJECT || in.nextToken() != null
                    || probeRef == null || enrolmentRefs == null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        enrolmentRefs.add(probeRef);
        Template[] found = store.getAll(enrolmentRefs);
        int n = found.length - 1;
        if (found[n] == null) {
            throw unknown(probeRef, "probe_ref");
        }
        for (int i = 0; i < n; i++) {
            if (found[i] == null) {
                throw unknown(enrolmentRefs.get(i), "enrolment_refs[" + i + "]");
            }
        }
        return new ComparisonRequest(found[n], Arrays.asList(found).subList(0, n));
    }

    private static Template resolve(TemplateStore store, String ref, String field) throws UnknownTemplateException {
        return store.get(ref).orElseThrow(() -> unknown(ref, field));
    }

    private static UnknownTemplateException unknown(String ref, String field) {
        return new UnknownTemplateException("'" + field + "' names template " + ref
                + ", which this service does not hold (never stored, or dropped to stay within its "
                + TemplateStore.DEFAULT_MAX_BYTES / (1 << 20) + " MiB): send it in 'store' or inline");
    }
}
