package org.touchstone.runner.systems.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.touchstone.api.Candidate;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceAnalysis;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.wire.HttpApi;
import org.touchstone.runner.systems.wire.HttpErrorCode;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.UnknownGalleryException;
import org.touchstone.runner.systems.wire.WireJson;

/**
 * Exposes a {@link ServedSystem} over the HTTP API ({@code docs/http-api.yaml}) with the JDK's built-in
 * server. It checks the bearer token before reading anything, refuses bodies over the size limit (413)
 * and requests beyond the concurrency limit (503 with {@code Retry-After}), and maps what went wrong
 * around the system to statuses the client adapter turns back into failure codes: the system threw
 * (500, {@code UNCAUGHT_EXCEPTION}), it broke down behind the server (502, {@code SYSTEM_CRASHED} or
 * {@code INVALID_OUTPUT}), it missed its deadline (504, {@code TIMEOUT}).
 */
public final class HttpApiServer implements AutoCloseable {
    /** Seconds a client has to send a whole request (headers and body; a 64 MiB body at 2.2 MB/s). */
    public static final long REQUEST_READ_SECONDS = 30;

    /**
     * Threads beyond the concurrency limit. The JDK's server reads each request on a thread of its
     * executor, so slow clients occupy threads while the system is idle; the system's own calls are
     * bounded by the concurrency limit's semaphore, not by the threads, so threads that only read are
     * cheap to have many of. With few, seven clients trickling a byte a second starved every other one.
     */
    static final int READER_THREADS = 64;

    /**
     * Requests one client address may have in progress beyond the concurrency limit: enough for a harness
     * running as many threads as the system has slots, with room to spare, but a quarter of the reading
     * threads at most, so that one client opening many slow connections leaves the rest to others. Beyond
     * it, 503 with {@code Retry-After}.
     */
    public static final int PER_CLIENT_EXTRA = READER_THREADS / 4;

    /**
     * How long a request whose body has arrived waits for a concurrency slot before it is answered 503. A
     * client running as many threads as there are slots sends its next request the moment a reply arrives;
     * refusing at once then cost it a whole {@code Retry-After} second now and then (on average milliseconds per
     * call, most of what the HTTP boundary cost lbp). Waiting a little is a queue bounded by the per-client cap.
     */
    static final long SLOT_WAIT_MS = 1_000;

    static {
        // The JDK's server leaves Nagle's algorithm on unless told otherwise: a reply's headers and body then
        // wait for the client's delayed acknowledgement, about 40 ms per call on Linux. Read once, when the
        // first server is made, so it is set here, before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that sends its request a byte at a time would otherwise hold a thread for ever: the
        // JDK's server closes a connection whose request is not read completely within this many seconds.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_READ_SECONDS));
        }
    }


    private final HttpServer server;
    private final ExecutorService executor;
    private final ServedSystem system;
    private final ServeSettings settings;
    private final Semaphore slots;
    private final byte[] expectedAuthorization;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> inProgressByClient = new ConcurrentHashMap<>();
    private final TemplateStore templateStore = new TemplateStore(TemplateStore.DEFAULT_MAX_BYTES);

    private HttpApiServer(HttpServer server, ExecutorService executor, ServedSystem system, ServeSettings settings) {
        this.server = server;
        this.executor = executor;
        this.system = system;
        this.settings = settings;
        this.slots = new Semaphore(settings.maxConcurrent());
        this.expectedAuthorization = settings.token().map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    /**
     * Starts serving.
     *
     * @param system   the system; not closed by this server
     * @param settings where and how to listen
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static HttpApiServer start(ServedSystem system, ServeSettings settings) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        HttpServer server;
        if (settings.tls().isPresent()) {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(settings.tls().get()));
            server = https;
        } else {
            server = HttpServer.create(address, 64);
        }
        // Threads beyond the limit read slow requests and answer 503 and 401 promptly while the others are busy.
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(settings.maxConcurrent() + READER_THREADS, r -> {
            Thread t = new Thread(r, "touchstone-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpApiServer api = new HttpApiServer(server, executor, system, settings);
        server.createContext(HttpApi.PREFIX + "/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** @return the base URL clients use ({@code http(s)://host:port}) */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((settings.tls().isPresent() ? "https" : "http") + "://" + host + ":" + address.getPort());
    }

    /** Stops accepting requests, waits up to a second for those in flight, and stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    // ---- request handling ----------------------------------------------------------------------------

    /** An answer: status and JSON body, as a tree or already written. */
    private record Reply(int status, JsonNode body, byte[] written) {
        Reply(int status, JsonNode body) {
            this(status, body, null);
        }

        byte[] bytes() {
            return written != null ? written : WireJson.bytes(body);
        }
    }

    /** A request the server refuses before the system sees it. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final HttpErrorCode code;

        Refusal(HttpErrorCode code, String message) {
            super(message);
            this.code = code;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"touchstone\"");
                send(exchange, error(HttpErrorCode.UNAUTHORIZED, "a valid bearer token is required"));
                return;
            }
            InetAddress client = exchange.getRemoteAddress().getAddress();
            AtomicInteger mine = inProgressByClient.computeIfAbsent(client, c -> new AtomicInteger());
            try {
                int perClient = settings.maxConcurrent() + PER_CLIENT_EXTRA;
                if (mine.incrementAndGet() > perClient) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    send(exchange, error(HttpErrorCode.BUSY, "busy: " + perClient + " requests from"
                            + " this client address are in progress already; retry later"));
                    return;
                }
                // The body is read before a slot is taken: a client sending slowly holds a reading thread, never
                // one of the system's slots.
                // Passed on as an argument, not an exchange attribute: the JDK's HttpExchange keeps attributes in
                // its context, shared by every concurrent request, so one request would read another's body.
                byte[] requestBody;
                try {
                    requestBody = readBody(exchange);
                } catch (Refusal r) {
                    send(exchange, error(r.code, r.getMessage()));
                    return;
                }
                if (!acquireSlot()) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    send(exchange, error(HttpErrorCode.BUSY, "busy: " + settings.maxConcurrent()
                            + " requests in progress; retry later"));
                    return;
                }
                Reply reply;
                try {
                    reply = route(exchange, requestBody);
                } finally {
                    // Released before the reply is written: the system's work is done, and a client that sends its
                    // next request as soon as it has read this reply must find the slot free.
                    slots.release();
                }
                send(exchange, reply);
            } finally {
                if (mine.decrementAndGet() == 0) {
                    inProgressByClient.remove(client, mine);
                }
            }
        }
    }

    private boolean acquireSlot() {
        try {
            return slots.tryAcquire(SLOT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return the number of client addresses with a request in progress (for tests) */
    int clientsInProgress() {
        return inProgressByClient.size();
    }

    private boolean authorized(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
    }

    private Reply route(HttpExchange exchange, byte[] requestBody) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals(HttpApi.SYSTEM)) {
                requireMethod(method, "GET");
                ObjectNode body = WireJson.object();
                body.put("protocol", HttpApi.BASE_VERSION);
                body.putArray("protocols").add(HttpApi.BASE_VERSION).add(HttpApi.TEMPLATE_REFS_VERSION);
                body.set("descriptor", WireJson.descriptor(system.descriptor()));
                body.set("runtime_properties", WireJson.stringMap(system.runtimeProperties()));
                return ok(body);
            }
            if (path.equals(HttpApi.TEMPLATES)) {
                requireMethod(method, "POST");
                JsonNode body = body(requestBody);
                List<FaceImage> images = new ArrayList<>();
                for (JsonNode image : WireJson.array(body, "images")) {
                    images.add(image(image));
                }
                Result<Template> made = system.createTemplate(images, WireJson.role("role", WireJson.text(body, "role")));
                if (!made.isSuccess()) {
                    return failure(made.failure().orElseThrow());
                }
                ObjectNode reply = WireJson.object();
                reply.put("template", made.value().toByteArray());
                return ok(reply);
            }
            if (path.equals(HttpApi.COMPARE)) {
                requireMethod(method, "POST");
                ComparisonRequest request = ComparisonRequest.readPlain(requestBody, templateStore);
                if (request == null) {
                    request = ComparisonRequest.read(body(requestBody), templateStore);
                }
                Template probe = request.probe();
                List<Template> enrolments = request.enrolments();
                List<ComparisonResult> results = system.compareMany(probe, enrolments);
                return new Reply(200, null, WireJson.comparisonReply(results));
            }
            if (path.equals(HttpApi.ANALYZE)) {
                requireMethod(method, "POST");
                Result<List<FaceAnalysis>> faces = system.analyze(image(WireJson.objectField(body(requestBody), "image")));
                if (!faces.isSuccess()) {
                    return failure(faces.failure().orElseThrow());
                }
                ObjectNode reply = WireJson.object();
                reply.set("faces", WireJson.analyses(faces.value()));
                return ok(reply);
            }
            if (path.equals(HttpApi.GALLERIES)) {
                requireMethod(method, "POST");
                body(requestBody);
                ObjectNode reply = WireJson.object();
                reply.put("gallery", system.beginGallery(Optional.empty()));
                return ok(reply);
            }
            if (path.startsWith(HttpApi.GALLERIES + "/")) {
                return gallery(method, path.substring(HttpApi.GALLERIES.length() + 1), requestBody);
            }
            return error(HttpErrorCode.NOT_FOUND, "no such endpoint: " + method + " " + path);
        } catch (Refusal r) {
            return error(r.code, r.getMessage());
        } catch (ComparisonRequest.UnknownTemplateException e) {
            return error(HttpErrorCode.UNKNOWN_TEMPLATE, e.getMessage());
        } catch (MalformedMessageException e) {
            return error(HttpErrorCode.MALFORMED_REQUEST, "malformed request: " + e.getMessage());
        } catch (UnknownGalleryException e) {
            return error(HttpErrorCode.UNKNOWN_GALLERY, e.getMessage());
        } catch (SystemFault e) {
            int status = switch (e.code()) {
                case UNCAUGHT_EXCEPTION -> 500;
                case TIMEOUT -> 504;
                default -> 502;
            };
            return error(status, e.code(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            return error(500, FailureCode.UNCAUGHT_EXCEPTION, "the server failed: " + e);
        }
    }

    private Reply gallery(String method, String rest, byte[] requestBody)
            throws Refusal, MalformedMessageException, UnknownGalleryException, IOException {
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        if (action.isEmpty()) {
            requireMethod(method, "DELETE");
            system.closeGallery(id);
            return ok(WireJson.object());
        }
        requireMethod(method, "POST");
        JsonNode body = body(requestBody);
        switch (action) {
            case "entries": {
                List<GalleryEntry> entries = new ArrayList<>();
                for (JsonNode e : WireJson.array(body, "entries")) {
                    entries.add(new GalleryEntry(WireJson.text(e, "id"), Template.of(binary(e, "template"))));
                }
                system.addToGallery(id, entries);
                return ok(WireJson.object());
            }
            case "finalize": {
                Result<Integer> size = system.finalizeGallery(id);
                if (!size.isSuccess()) {
                    return failure(size.failure().orElseThrow());
                }
                ObjectNode reply = WireJson.object();
                reply.put("size", size.value());
                return ok(reply);
            }
            case "search": {
                long max = WireJson.integer(body, "max_candidates");
                if (max < 1) {
                    throw new MalformedMessageException("'max_candidates' must be at least 1, was " + max);
                }
                Result<List<Candidate>> found = system.search(id, Template.of(binary(body, "probe")),
                        (int) Math.min(Integer.MAX_VALUE, max));
                if (!found.isSuccess()) {
                    return failure(found.failure().orElseThrow());
                }
                ObjectNode reply = WireJson.object();
                reply.set("candidates", WireJson.candidates(found.value()));
                return ok(reply);
            }
            case "insert":
                return sized(system.insert(id, new GalleryEntry(WireJson.text(body, "id"),
                        Template.of(binary(body, "template")))));
            case "remove":
                return sized(system.remove(id, WireJson.text(body, "id")));
            default:
                throw new Refusal(HttpErrorCode.NOT_FOUND, "no such gallery action: " + action);
        }
    }

    private static Reply sized(ServedSystem.Sized<String> answer) {
        ObjectNode reply = WireJson.object();
        if (!answer.result().isSuccess()) {
            reply.set("failure", WireJson.failure(answer.result().failure().orElseThrow()));
        } else {
            reply.put("id", answer.result().value());
        }
        reply.put("size", answer.size());
        return ok(reply);
    }

    private static void requireMethod(String method, String expected) throws Refusal {
        if (!method.equals(expected)) {
            throw new Refusal(HttpErrorCode.METHOD_NOT_ALLOWED, "use " + expected + ", not " + method);
        }
    }

    private static JsonNode body(byte[] requestBody) throws MalformedMessageException {
        return WireJson.parseObject(requestBody);
    }

    /** Reads the request body, at most the size limit: a longer one is refused (413) as soon as it is seen. */
    private byte[] readBody(HttpExchange exchange) throws Refusal, IOException {
        long limit = settings.maxRequestBytes();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    throw new Refusal(HttpErrorCode.REQUEST_TOO_LARGE, "request body of " + declared + " bytes exceeds the limit of " + limit);
                }
            } catch (NumberFormatException e) {
                throw new Refusal(HttpErrorCode.MALFORMED_REQUEST, "invalid Content-Length " + declared);
            }
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (buffer.size() + (long) n > limit) {
                    throw new Refusal(HttpErrorCode.REQUEST_TOO_LARGE, "request body exceeds the limit of " + limit + " bytes");
                }
                buffer.write(chunk, 0, n);
            }
        }
        return buffer.toByteArray();
    }

    private static FaceImage image(JsonNode image) throws MalformedMessageException {
        return new FaceImage(WireJson.text(image, "id"), WireJson.format("image.format", WireJson.text(image, "format")),
                binary(image, "data"));
    }

    private static byte[] binary(JsonNode node, String field) throws MalformedMessageException {
        return WireJson.base64(node.get(field), field);
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static Reply failure(Failure failure) {
        ObjectNode body = WireJson.object();
        body.set("failure", WireJson.failure(failure));
        return ok(body);
    }

    private static Reply error(HttpErrorCode code, String message) {
        ObjectNode body = WireJson.object();
        body.putObject("error").put("code", code.name()).put("message", message);
        return new Reply(code.status(), body);
    }

    private static Reply error(int status, FailureCode code, String message) {
        ObjectNode body = WireJson.object();
        body.set("error", WireJson.failure(new Failure(code, message)));
        return new Reply(status, body);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.bytes();
        exchange.getResponseHeaders().set("Content-Type", HttpApi.JSON);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
