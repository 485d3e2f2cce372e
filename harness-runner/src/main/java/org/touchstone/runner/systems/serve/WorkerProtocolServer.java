package org.touchstone.runner.systems.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.UnknownGalleryException;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.FramingException;
import org.touchstone.runner.systems.wire.WorkerProtocol;
import org.touchstone.runner.systems.wire.FrameCodec;
import org.touchstone.runner.systems.wire.Frame;

/**
 * The worker side of the worker protocol, for systems written in Java: reads requests from a stream,
 * calls the system, writes replies. It is the reference implementation of the protocol (the Python
 * client in {@code clients/python} is the other) and lets any {@code ServiceLoader} or {@code jar:}
 * system run isolated in its own process ({@link JavaWorkerMain}).
 *
 * <p>One request at a time, in order. A request that breaks the protocol is reported on stderr and ends
 * the worker with status 2: only a harness bug sends one, and a loud exit is the clearest report.
 */
public final class WorkerProtocolServer {
    /** Exit status when the request stream breaks the protocol. */
    public static final int PROTOCOL_VIOLATION = 2;

    private final FaceSystemProvider provider;
    private final PrintStream log;
    private ServedSystem served;

    /**
     * @param provider the system to serve
     * @param log      where protocol problems are reported (the worker's stderr)
     */
    public WorkerProtocolServer(FaceSystemProvider provider, PrintStream log) {
        this.provider = provider;
        this.log = log;
    }

    /**
     * Serves requests until the stream ends or a {@code close} request arrives.
     *
     * @param in  requests
     * @param out replies
     * @return the exit status: 0 after {@code close} or end of input, {@value #PROTOCOL_VIOLATION} after a
     *         request that breaks the protocol
     * @throws IOException if the reply stream fails
     */
    public int serve(InputStream in, OutputStream out) throws IOException {
        try {
            while (true) {
                Frame request;
                try {
                    request = FrameCodec.read(in);
                } catch (EOFException e) {
                    return 0;
                } catch (FramingException e) {
                    log.println("touchstone worker: unreadable request: " + e.getMessage());
                    return PROTOCOL_VIOLATION;
                }
                String op = request.header().path("op").asText("");
                Frame reply;
                try {
                    reply = handle(op, request);
                } catch (MalformedMessageException e) {
                    log.println("touchstone worker: malformed '" + op + "' request: " + e.getMessage());
                    return PROTOCOL_VIOLATION;
                }
                reply.header().set("id", request.header().get("id"));
                FrameCodec.write(out, reply);
                if (op.equals(WorkerProtocol.CLOSE)) {
                    return 0;
                }
            }
        } finally {
            if (served != null) {
                served.close();
            }
        }
    }

    private Frame handle(String op, Frame request) throws MalformedMessageException {
        ObjectNode h = request.header();
        if (!op.equals(WorkerProtocol.HELLO) && !op.equals(WorkerProtocol.OPEN) && !op.equals(WorkerProtocol.CLOSE)
                && served == null) {
            throw new MalformedMessageException("'" + op + "' before 'open'");
        }
        try {
            switch (op) {
                case WorkerProtocol.HELLO:
                    return hello(h);
                case WorkerProtocol.OPEN:
                    return open(h);
                case WorkerProtocol.CREATE_TEMPLATE:
                    return template(served.createTemplate(images(h, request.blobs(), 0),
                            WireJson.role("role", WireJson.text(h, "role"))));
                case WorkerProtocol.COMPARE: {
                    requireBlobs(request, 2);
                    ComparisonResult r = served.compareMany(Template.of(request.blob(1)),
                            List.of(Template.of(request.blob(0)))).get(0);
                    return comparison(r);
                }
                case WorkerProtocol.COMPARE_MANY: {
                    List<Template> enrolments = new ArrayList<>();
                    for (int i = 1; i < request.blobs().size(); i++) {
                        enrolments.add(Template.of(request.blob(i)));
                    }
                    requireBlobs(request, 1);
                    ObjectNode result = WireJson.object();
                    result.set("results", WireJson.comparisonResults(
                            served.compareMany(Template.of(request.blob(0)), enrolments)));
                    return result(result);
                }
                case WorkerProtocol.ENROL_BEGIN: {
                    String dir = WireJson.text(h, "work_dir", null);
                    ObjectNode result = WireJson.object();
                    result.put("gallery", served.beginGallery(Optional.ofNullable(dir).map(Path::of)));
                    return result(result);
                }
                case WorkerProtocol.ENROL_ADD: {
                    ArrayNode ids = WireJson.array(h, "ids");
                    requireBlobs(request, ids.size());
                    List<GalleryEntry> entries = new ArrayList<>(ids.size());
                    for (int i = 0; i < ids.size(); i++) {
                        entries.add(new GalleryEntry(ids.get(i).asText(), Template.of(request.blob(i))));
                    }
                    served.addToGallery(WireJson.text(h, "gallery"), entries);
                    return result(WireJson.object());
                }
                case WorkerProtocol.ENROL_FINALIZE: {
                    Result<Integer> size = served.finalizeGallery(WireJson.text(h, "gallery"));
                    return size.isSuccess() ? result(sized(size.value())) : failure(size.failure().orElseThrow());
                }
                case WorkerProtocol.SEARCH: {
                    requireBlobs(request, 1);
                    long max = WireJson.integer(h, "max_candidates");
                    var found = served.search(WireJson.text(h, "gallery"), Template.of(request.blob(0)),
                            (int) Math.min(Integer.MAX_VALUE, Math.max(1, max)));
                    if (!found.isSuccess()) {
                        return failure(found.failure().orElseThrow());
                    }
                    ObjectNode result = WireJson.object();
                    result.set("candidates", WireJson.candidates(found.value()));
                    return result(result);
                }
                case WorkerProtocol.GALLERY_INSERT: {
                    requireBlobs(request, 1);
                    return sizedReply(served.insert(WireJson.text(h, "gallery"),
                            new GalleryEntry(WireJson.text(h, "template_id"), Template.of(request.blob(0)))));
                }
                case WorkerProtocol.GALLERY_REMOVE:
                    return sizedReply(served.remove(WireJson.text(h, "gallery"), WireJson.text(h, "template_id")));
                case WorkerProtocol.GALLERY_CLOSE:
                    served.closeGallery(WireJson.text(h, "gallery"));
                    return result(WireJson.object());
                case WorkerProtocol.ANALYZE: {
                    List<FaceImage> image = images(h, request.blobs(), 0);
                    if (image.size() != 1) {
                        throw new MalformedMessageException("'analyze' takes exactly one image");
                    }
                    var faces = served.analyze(image.get(0));
                    if (!faces.isSuccess()) {
                        return failure(faces.failure().orElseThrow());
                    }
                    ObjectNode result = WireJson.object();
                    result.set("faces", WireJson.analyses(faces.value()));
                    return result(result);
                }
                case WorkerProtocol.CLOSE:
                    return result(WireJson.object());
                default:
                    return failure(new Failure(FailureCode.NOT_IMPLEMENTED, "this worker does not know the operation '"
                            + op + "' (protocol version " + WorkerProtocol.VERSION + ")"));
            }
        } catch (SystemFault e) {
            return error(e.failure());
        } catch (UnknownGalleryException | IllegalStateException | IllegalArgumentException | IOException e) {
            throw new MalformedMessageException(e.getMessage(), e);
        }
    }

    private Frame hello(ObjectNode h) throws MalformedMessageException {
        boolean speaks = false;
        for (JsonNode v : WireJson.array(h, "versions")) {
            speaks |= v.asInt() == WorkerProtocol.VERSION;
        }
        if (!speaks) {
            throw new MalformedMessageException("the harness offers protocol versions " + h.get("versions")
                    + "; this worker speaks " + WorkerProtocol.VERSION);
        }
        ObjectNode result = WireJson.object();
        result.put("protocol", WorkerProtocol.VERSION);
        result.set("descriptor", WireJson.descriptor(provider.descriptor()));
        return result(result);
    }

    private Frame open(ObjectNode h) throws MalformedMessageException {
        if (served != null) {
            throw new MalformedMessageException("'open' sent twice");
        }
        Optional<Path> config = Optional.ofNullable(WireJson.text(h, "config_dir", null)).map(Path::of);
        Path work = Path.of(WireJson.text(h, "work_dir"));
        int threads = (int) Math.max(1, WireJson.integer(h, "caller_threads"));
        FaceSystem system;
        try {
            system = provider.open(new RunSystemContext(config, work, threads));
        } catch (FaceSystemException e) {
            Failure f = new Failure(e.code(), e.getMessage());
            return e.code().isHarnessAssigned() ? error(f) : failure(f);
        } catch (RuntimeException | LinkageError e) {
            return error(SystemFault.thrown("open", e).failure());
        }
        if (system == null) {
            return error(new Failure(FailureCode.INVALID_OUTPUT, "open returned null"));
        }
        served = ServedSystem.single(provider.descriptor(), system, work);
        ObjectNode result = WireJson.object();
        try {
            result.set("runtime_properties", WireJson.stringMap(served.runtimeProperties()));
        } catch (SystemFault e) {
            result.putObject("runtime_properties").put("error", "runtimeProperties() failed: " + e.getMessage());
        }
        return result(result);
    }

    private static List<FaceImage> images(ObjectNode h, List<byte[]> blobs, int firstBlob)
            throws MalformedMessageException {
        ArrayNode images = WireJson.array(h, "images");
        if (images.size() != blobs.size() - firstBlob) {
            throw new MalformedMessageException(images.size() + " images described but " + (blobs.size() - firstBlob)
                    + " blobs sent");
        }
        List<FaceImage> list = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            JsonNode image = images.get(i);
            list.add(new FaceImage(WireJson.text(image, "id"), WireJson.format("images[].format",
                    WireJson.text(image, "format")), blobs.get(firstBlob + i)));
        }
        return list;
    }

    private static void requireBlobs(Frame request, int count) throws MalformedMessageException {
        if (request.blobs().size() < count) {
            throw new MalformedMessageException("expected " + count + " blobs, got " + request.blobs().size());
        }
    }

    private static ObjectNode sized(int size) {
        ObjectNode result = WireJson.object();
        result.put("size", size);
        return result;
    }

    private static Frame sizedReply(ServedSystem.Sized<String> answer) {
        if (!answer.result().isSuccess()) {
            Frame reply = failure(answer.result().failure().orElseThrow());
            reply.header().put("size", answer.size());
            return reply;
        }
        return result(sized(answer.size()));
    }

    private static Frame template(Result<Template> r) {
        if (!r.isSuccess()) {
            return failure(r.failure().orElseThrow());
        }
        return new Frame(envelope("result", WireJson.object()), List.of(r.value().toByteArray()));
    }

    private static Frame comparison(ComparisonResult r) {
        if (!r.isSuccess()) {
            return failure(r.failure().orElseThrow());
        }
        ObjectNode result = WireJson.object();
        WireJson.putNumber(result, "score", r.similarity());
        return result(result);
    }

    private static Frame result(ObjectNode result) {
        return Frame.of(envelope("result", result));
    }

    private static Frame failure(Failure f) {
        return Frame.of(envelope("failure", WireJson.failure(f)));
    }

    private static Frame error(Failure f) {
        return Frame.of(envelope("error", WireJson.failure(f)));
    }

    private static ObjectNode envelope(String kind, ObjectNode body) {
        ObjectNode header = WireJson.object();
        header.set(kind, body);
        return header;
    }
}
