package org.touchstone.runner.systems.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.remote.RequestParts;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.remote.SystemEndpoint;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.WorkerProtocol;
import org.touchstone.runner.systems.wire.Frame;

/** The SPI's operations carried out by a {@link WorkerPool} over the worker protocol. */
final class ProcessEndpoint implements SystemEndpoint {
    /** Template bytes in one {@code compare_many} frame, probe included: a call is cut into frames beyond it. */
    static final long MAX_TEMPLATE_BYTES_PER_FRAME = 8L << 20;

    private final WorkerPool pool;
    private final SystemDescriptor descriptor;
    private final Path scratch;
    private final AtomicLong galleries = new AtomicLong();

    ProcessEndpoint(WorkerPool pool, SystemDescriptor descriptor, Path scratch) {
        this.pool = pool;
        this.descriptor = descriptor;
        this.scratch = scratch;
    }

    WorkerPool pool() {
        return pool;
    }

    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        ObjectNode h = request(WorkerProtocol.CREATE_TEMPLATE);
        h.put("role", WireJson.name(role));
        ArrayNode described = h.putArray("images");
        List<byte[]> blobs = new ArrayList<>(images.size());
        for (FaceImage image : images) {
            ObjectNode d = described.addObject();
            d.put("id", image.id());
            d.put("format", WireJson.name(image.format()));
            blobs.add(bytes(image));
        }
        Frame reply = pool.withAnyWorker(lease -> lease.call(h, blobs, CallLimits.Operation.TEMPLATE));
        return decode(reply, WorkerProtocol.CREATE_TEMPLATE, (result, r) -> {
            if (r.blobs().size() != 1) {
                throw new MalformedMessageException("a template reply carries exactly one blob, had "
                        + r.blobs().size());
            }
            return Result.success(Template.of(r.blob(0)));
        }, Result::failure);
    }

    @Override
    public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        if (enrolments.size() == 1) {
            ObjectNode h = request(WorkerProtocol.COMPARE);
            Frame reply = pool.withAnyWorker(lease -> lease.call(h,
                    List.of(enrolments.get(0).toByteArray(), probe.toByteArray()), CallLimits.Operation.COMPARISON));
            ComparisonResult single = decode(reply, WorkerProtocol.COMPARE,
                    (result, r) -> ComparisonResult.score(WireJson.number(result, "score")),
                    f -> ComparisonResult.failure(f.code(), f.message()));
            return List.of(single);
        }
        List<ComparisonResult> results = new ArrayList<>(enrolments.size());
        for (List<Template> part : RequestParts.of(enrolments, Integer.MAX_VALUE,
                Math.max(0, MAX_TEMPLATE_BYTES_PER_FRAME - probe.size()), Template::size)) {
            ObjectNode h = request(WorkerProtocol.COMPARE_MANY);
            List<byte[]> blobs = new ArrayList<>(part.size() + 1);
            blobs.add(probe.toByteArray());
            part.forEach(t -> blobs.add(t.toByteArray()));
            Frame reply = pool.withAnyWorker(lease -> lease.call(h, blobs, CallLimits.Operation.COMPARISON));
            results.addAll(decode(reply, WorkerProtocol.COMPARE_MANY,
                    (result, r) -> WireJson.parseComparisonResults(result.get("results"), part.size()),
                    f -> Collections.nCopies(part.size(), ComparisonResult.failure(f.code(), f.message()))));
        }
        return results;
    }

    @Override
    public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
        ProcessGallery gallery;
        try {
            gallery = new ProcessGallery(this, entries, scratch.resolve("galleries").resolve("pg" + galleries.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool the gallery's entries", e);
        }
        Result<Integer> built;
        try {
            built = gallery.buildFirst(workingDirectory);
        } catch (SystemFault e) {
            gallery.discard();
            throw e;
        }
        if (!built.isSuccess()) {
            gallery.discard();
            return Result.failure(built.failure().orElseThrow());
        }
        return Result.success(gallery);
    }

    @Override
    public Result<List<FaceAnalysis>> analyze(FaceImage image) {
        ObjectNode h = request(WorkerProtocol.ANALYZE);
        ObjectNode d = h.putArray("images").addObject();
        d.put("id", image.id());
        d.put("format", WireJson.name(image.format()));
        Frame reply = pool.withAnyWorker(lease -> lease.call(h, List.of(bytes(image)), CallLimits.Operation.ANALYSIS));
        return decode(reply, WorkerProtocol.ANALYZE,
                (result, r) -> Result.success(WireJson.parseAnalyses(result.get("faces"), descriptor.attributes())),
                Result::failure);
    }

    @Override
    public Map<String, String> runtimeProperties() {
        return pool.runtimeProperties();
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- shared with ProcessGallery ---------------------------------------------------------------

    static ObjectNode request(String op) {
        ObjectNode h = WireJson.object();
        h.put("op", op);
        return h;
    }

    /** Decodes the result part of a reply. */
    @FunctionalInterface
    interface ResultDecoder<T> {
        T decode(JsonNode result, Frame reply) throws MalformedMessageException;
    }

    /**
     * Reads a reply: {@code result} through the decoder, {@code failure} as the system's failure,
     * {@code error} as the fault it reports; anything else is invalid output.
     */
    static <T> T decode(Frame reply, String op, ResultDecoder<T> onResult, Function<Failure, T> onFailure) {
        JsonNode h = reply.header();
        try {
            if (h.has("result")) {
                return onResult.decode(WireJson.objectField(h, "result"), reply);
            }
            if (h.has("failure")) {
                return onFailure.apply(WireJson.parseFailure(h.get("failure")));
            }
            if (h.has("error")) {
                Failure error = WireJson.parseFailure(h.get("error"));
                FailureCode code = SystemFault.reportedFault(error.code());
                throw new SystemFault(code, "worker reported on '" + op + "': " + error.message());
            }
            throw new MalformedMessageException("the reply has none of 'result', 'failure', 'error'");
        } catch (MalformedMessageException e) {
            throw new SystemFault(FailureCode.INVALID_OUTPUT, "invalid reply to '" + op + "': " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(FaceImage image) {
        byte[] b = new byte[image.encodedLength()];
        image.encoded().get(b);
        return b;
    }
}
