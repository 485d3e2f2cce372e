package org.touchstone.runner.systems.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.touchstone.api.Candidate;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.CallLimits.Operation;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.remote.RequestParts;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.remote.SystemEndpoint;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.HttpApi;

/** The SPI's operations carried out over the HTTP API (see {@link HttpApi}). */
final class HttpEndpoint implements SystemEndpoint {
    private static final int MAX_ENTRIES_PER_REQUEST = 1024;
    /** Enrolments per version-1 comparison request (templates inline): the harness's block before remote calls grew. */
    static final int INLINE_TEMPLATES_PER_REQUEST = 64;
    /** Template bytes sent to be stored in one version-2 comparison request (base64 adds a third on the wire). */
    static final long STORE_BYTES_PER_REQUEST = 8L << 20;
    private static final long MAX_BYTES_PER_REQUEST = 24L << 20;
    /** Times the service may lack templates it was sent before references are given up as useless. */
    private static final int MAX_UNKNOWN_REF_REPLIES = 3;

    private final HttpTransport transport;
    private final CallLimits limits;
    private final SystemDescriptor descriptor;
    private final Map<String, String> runtimeProperties;
    private final TemplateRefCache refs;
    private final AtomicInteger unknownRefReplies = new AtomicInteger();

    /**
     * @param templateRefs whether the service speaks version 2 (template references), so that each
     *                     template is sent once and comparisons name it by reference
     */
    HttpEndpoint(HttpTransport transport, CallLimits limits, SystemDescriptor descriptor,
                 Map<String, String> runtimeProperties, boolean templateRefs) {
        this.transport = transport;
        this.limits = limits;
        this.descriptor = descriptor;
        this.runtimeProperties = runtimeProperties;
        this.refs = templateRefs ? new TemplateRefCache() : null;
    }

    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        ObjectNode body = WireJson.object();
        body.put("role", WireJson.name(role));
        ArrayNode list = body.putArray("images");
        images.forEach(image -> list.add(image(image)));
        return decode(post(HttpApi.TEMPLATES, body, Operation.TEMPLATE, true), HttpApi.TEMPLATES,
                json -> Result.success(Template.of(binary(json, "template"))), Result::failure);
    }

    @Override
    public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        if (refs != null && unknownRefReplies.get() < MAX_UNKNOWN_REF_REPLIES) {
            try {
                List<ComparisonResult> results = new ArrayList<>(enrolments.size());
                Outgoing sentProbe = new Outgoing(probe, refs.entry(probe));
                List<Outgoing> outgoing = new ArrayList<>(enrolments.size());
                enrolments.forEach(t -> outgoing.add(new Outgoing(t, refs.entry(t))));
                // A request carries the templates the service does not hold yet: at most STORE_BYTES_PER_REQUEST
                // of them (with the probe), so the first calls, which send everything, stay small too.
                for (List<Outgoing> part : RequestParts.of(outgoing, Integer.MAX_VALUE,
                        STORE_BYTES_PER_REQUEST - probe.size(), o -> refs.held(o.entry()) ? 0 : o.template().size())) {
                    results.addAll(comparisonResults(compareByReference(sentProbe, part), part.size()));
                }
                return results;
            } catch (HttpTransport.UnknownTemplateRefException e) {
                // The service dropped or never kept some of them (restarted, or its store is full): send
                // this call inline, and everything again from the next call on.
                unknownRefReplies.incrementAndGet();
                refs.forgetHeld();
            }
        }
        return compareInline(probe, enrolments);
    }

    /**
     * Version 1: every template inline, as base64, in requests of at most {@link #INLINE_TEMPLATES_PER_REQUEST}
     * enrolments, so that a service behind a proxy with a small body limit gets requests no larger than it
     * always has, however many enrolments the harness hands over in one call.
     */
    private List<ComparisonResult> compareInline(Template probe, List<Template> enrolments) {
        List<ComparisonResult> results = new ArrayList<>(enrolments.size());
        for (List<Template> part : RequestParts.of(enrolments, INLINE_TEMPLATES_PER_REQUEST, Long.MAX_VALUE, t -> 0)) {
            ObjectNode body = WireJson.object();
            body.put("probe", probe.toByteArray());
            ArrayNode list = body.putArray("enrolments");
            part.forEach(t -> list.add(t.toByteArray()));
            results.addAll(comparisonResults(postForBytes(HttpApi.COMPARE, body), part.size()));
        }
        return results;
    }

    /** A comparison reply's results: its plain form read directly, anything else through the checked tree reader. */
    private static List<ComparisonResult> comparisonResults(byte[] reply, int expected) {
        List<ComparisonResult> plain = WireJson.plainComparisonResults(reply, expected);
        if (plain != null) {
            return plain;
        }
        return decode(HttpTransport.replyObject("POST " + HttpApi.COMPARE, reply), HttpApi.COMPARE,
                json -> WireJson.parseComparisonResults(json.get("results"), expected),
                f -> Collections.nCopies(expected, ComparisonResult.failure(f.code(), f.message())));
    }

    /**
     * Version 2: templates the service does not hold yet go in {@code "store"} (each once), and the
     * comparison names all of them by reference. Written straight to bytes, each reference's JSON form made
     * once per template: hundreds of references per call made the tree and its escaping a large part of the
     * client's cost.
     */
    private byte[] compareByReference(Outgoing probe, List<Outgoing> enrolments) {
        Map<String, Outgoing> storing = new LinkedHashMap<>();
        toStore(probe, storing);
        enrolments.forEach(o -> toStore(o, storing));
        byte[] body = WireJson.written(128 + 68 * enrolments.size(), out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("store");
            for (Outgoing o : storing.values()) {
                out.writeBinary(o.template().toByteArray());
            }
            out.writeEndArray();
            out.writeFieldName("probe_ref");
            out.writeString(probe.entry().quoted());
            out.writeArrayFieldStart("enrolment_refs");
            for (Outgoing o : enrolments) {
                out.writeString(o.entry().quoted());
            }
            out.writeEndArray();
            out.writeEndObject();
        });
        byte[] reply = transport.exchangeForBytes("POST", HttpApi.COMPARE, body,
                limits.of(Operation.COMPARISON), true);
        List<TemplateRefCache.Entry> stored = new ArrayList<>(storing.size());
        storing.values().forEach(o -> stored.add(o.entry()));
        refs.markHeld(stored);
        return reply;
    }

    private void toStore(Outgoing outgoing, Map<String, Outgoing> storing) {
        if (!refs.held(outgoing.entry())) {
            storing.putIfAbsent(outgoing.entry().ref(), outgoing);
        }
    }

    /** A template on its way to the service, with its reference. */
    private record Outgoing(Template template, TemplateRefCache.Entry entry) {
    }

    /**
     * Creates the gallery on the service, uploads the entries in batches, and finalises it. The
     * harness's working folder is not used: the service keeps its own files.
     */
    @Override
    public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
        String gallery = decode(post(HttpApi.GALLERIES, WireJson.object(), Operation.ENROLMENT, false), HttpApi.GALLERIES,
                json -> WireJson.text(json, "gallery"), f -> {
                    throw new SystemFault(FailureCode.INVALID_OUTPUT, "creating a gallery failed: " + f);
                });
        String path = HttpApi.GALLERIES + "/" + gallery;
        Iterator<GalleryEntry> it = entries.iterator();
        while (it.hasNext()) {
            ObjectNode batch = WireJson.object();
            ArrayNode list = batch.putArray("entries");
            long bytes = 0;
            while (it.hasNext() && list.size() < MAX_ENTRIES_PER_REQUEST && bytes < MAX_BYTES_PER_REQUEST) {
                GalleryEntry e = it.next();
                ObjectNode item = list.addObject();
                item.put("id", e.templateId());
                item.put("template", e.template().toByteArray());
                bytes += e.template().size();
            }
            decode(post(path + "/entries", batch, Operation.ENROLMENT, false), path + "/entries", json -> null, f -> {
                throw new SystemFault(FailureCode.INVALID_OUTPUT, "adding gallery entries failed: " + f);
            });
        }
        return decode(post(path + "/finalize", WireJson.object(), Operation.ENROLMENT, false), path + "/finalize",
                json -> Result.success(new HttpGallery(gallery, (int) WireJson.integer(json, "size"))), Result::failure);
    }

    @Override
    public Result<List<FaceAnalysis>> analyze(FaceImage image) {
        ObjectNode body = WireJson.object();
        body.set("image", image(image));
        return decode(post(HttpApi.ANALYZE, body, Operation.ANALYSIS, true), HttpApi.ANALYZE,
                json -> Result.success(WireJson.parseAnalyses(json.get("faces"), descriptor.attributes())),
                Result::failure);
    }

    @Override
    public Map<String, String> runtimeProperties() {
        return runtimeProperties;
    }

    @Override
    public void close() {
        // Connections belong to the JDK's client and close when idle; the service keeps running.
    }

    private ObjectNode post(String path, ObjectNode body, Operation op, boolean idempotent) {
        return transport.exchange("POST", path, body, limits.of(op), idempotent);
    }

    private byte[] postForBytes(String path, ObjectNode comparisonBody) {
        return transport.exchangeForBytes("POST", path, comparisonBody, limits.of(Operation.COMPARISON), true);
    }

    private static ObjectNode image(FaceImage image) {
        ObjectNode node = WireJson.object();
        node.put("id", image.id());
        node.put("format", WireJson.name(image.format()));
        byte[] data = new byte[image.encodedLength()];
        image.encoded().get(data);
        node.put("data", data);
        return node;
    }

    private static byte[] binary(JsonNode json, String field) throws MalformedMessageException {
        return WireJson.base64(json.get(field), field);
    }

    /** Decodes the part of a reply a 200 carries. */
    @FunctionalInterface
    private interface BodyDecoder<T> {
        T decode(JsonNode body) throws MalformedMessageException;
    }

    private static <T> T decode(ObjectNode body, String what, BodyDecoder<T> onResult, Function<Failure, T> onFailure) {
        try {
            if (body.has("failure")) {
                return onFailure.apply(WireJson.parseFailure(body.get("failure")));
            }
            return onResult.decode(body);
        } catch (MalformedMessageException e) {
            throw new SystemFault(FailureCode.INVALID_OUTPUT, "invalid reply to " + what + ": " + e.getMessage(), e);
        }
    }

    /** A gallery that lives in the service. */
    private final class HttpGallery implements Gallery {
        private final String path;
        private volatile int size;

        HttpGallery(String id, int size) {
            this.path = HttpApi.GALLERIES + "/" + id;
            this.size = size;
        }

        @Override
        public Result<List<Candidate>> search(Template probe, int maxCandidates) {
            ObjectNode body = WireJson.object();
            body.put("probe", probe.toByteArray());
            body.put("max_candidates", maxCandidates);
            return decode(post(path + "/search", body, Operation.SEARCH, true), path + "/search",
                    json -> Result.success(WireJson.parseCandidates(json.get("candidates"))), Result::failure);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Result<String> insert(GalleryEntry entry) {
            ObjectNode body = WireJson.object();
            body.put("id", entry.templateId());
            body.put("template", entry.template().toByteArray());
            return sized(post(path + "/insert", body, Operation.SEARCH, false), "/insert", entry.templateId());
        }

        @Override
        public Result<String> remove(String templateId) {
            ObjectNode body = WireJson.object();
            body.put("id", templateId);
            return sized(post(path + "/remove", body, Operation.SEARCH, false), "/remove", templateId);
        }

        private Result<String> sized(ObjectNode reply, String what, String templateId) {
            if (reply.hasNonNull("size")) {
                size = reply.get("size").asInt(size);
            }
            return decode(reply, path + what, json -> Result.success(templateId), Result::failure);
        }

        @Override
        public void close() {
            try {
                transport.exchange("DELETE", path, null, limits.of(Operation.CLOSE), true);
            } catch (SystemFault e) {
                System.err.println("warning: could not release gallery " + path + " on " + transport.base() + ": "
                        + e.getMessage());
            }
        }
    }
}
