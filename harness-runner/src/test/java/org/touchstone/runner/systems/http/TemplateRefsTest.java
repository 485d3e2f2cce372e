package org.touchstone.runner.systems.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.serve.ServedSystem;
import org.touchstone.runner.systems.wire.TemplateRef;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.testsystems.ScriptedVerifierProvider;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/**
 * Version 2 of the HTTP API: each template crosses once and is then named by its SHA-256. The client
 * against a scripted service that records every comparison body, and {@code serve} answered by raw HTTP.
 */
class TemplateRefsTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    private HttpServer scripted;

    @AfterEach
    void close() throws Exception {
        if (scripted != null) {
            scripted.stop(0);
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Scores a pair as minus the distance of the templates' first bytes: known without any system. */
    private static double expected(Template enrolment, Template probe) {
        return -Math.abs(enrolment.toByteArray()[0] - probe.toByteArray()[0]);
    }

    private static final Verifier DISTANCE = new Verifier() {
        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return Result.failure(org.touchstone.api.FailureCode.NOT_IMPLEMENTED, "not needed");
        }

        @Override
        public ComparisonResult compare(Template enrolment, Template probe) {
            return ComparisonResult.score(expected(enrolment, probe));
        }
    };

    private static Template template(int first) {
        byte[] b = new byte[1000];
        b[0] = (byte) first;
        b[999] = 42;
        return Template.of(b);
    }

    // ---- the client ----------------------------------------------------------------------------------

    private final List<JsonNode> compareBodies = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> held = new ConcurrentHashMap<>();
    private final AtomicBoolean forget = new AtomicBoolean();

    /** A service that speaks the given versions and keeps templates as version 2 says. */
    private URI scriptedService(int... versions) throws IOException {
        scripted = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        scripted.createContext("/v1/system", exchange -> {
            ObjectNode body = WireJson.object();
            body.put("protocol", 1);
            ArrayNode spoken = body.putArray("protocols");
            for (int v : versions) {
                spoken.add(v);
            }
            body.set("descriptor", WireJson.descriptor(new SubjectOracleProvider().descriptor()));
            body.putObject("runtime_properties");
            reply(exchange, 200, body);
        });
        scripted.createContext("/v1/compare", exchange -> {
            JsonNode body = WireJson.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            compareBodies.add(body);
            if (forget.getAndSet(false)) {
                held.clear();
            }
            for (JsonNode t : body.path("store")) {
                byte[] bytes = Base64.getDecoder().decode(t.asText());
                held.put(TemplateRef.of(Template.of(bytes)), bytes);
            }
            try {
                Template probe = body.has("probe_ref") ? resolve(body.get("probe_ref").asText())
                        : Template.of(Base64.getDecoder().decode(body.get("probe").asText()));
                List<Template> enrolments = new ArrayList<>();
                if (body.has("enrolment_refs")) {
                    for (JsonNode r : body.get("enrolment_refs")) {
                        enrolments.add(resolve(r.asText()));
                    }
                } else {
                    for (JsonNode t : body.get("enrolments")) {
                        enrolments.add(Template.of(Base64.getDecoder().decode(t.asText())));
                    }
                }
                ObjectNode answer = WireJson.object();
                ArrayNode results = answer.putArray("results");
                enrolments.forEach(e -> results.addObject().put("score", expected(e, probe)));
                reply(exchange, 200, answer);
            } catch (IllegalStateException unknown) {
                ObjectNode error = WireJson.object();
                error.putObject("error").put("code", "UNKNOWN_TEMPLATE").put("message", unknown.getMessage());
                reply(exchange, 409, error);
            }
        });
        scripted.start();
        return URI.create("http://127.0.0.1:" + scripted.getAddress().getPort());
    }

    private Template resolve(String ref) {
        byte[] bytes = held.get(ref);
        if (bytes == null) {
            throw new IllegalStateException("no template " + ref);
        }
        return Template.of(bytes);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = WireJson.bytes(body);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Verifier verifier(URI uri, Path tmp) throws Exception {
        FaceSystem system = HttpSystemProvider.connect(uri, HttpClientSettings.defaults(), CallLimits.defaults())
                .open(new RunSystemContext(Optional.empty(), tmp, 1));
        open.add(system);
        return system.verifier().orElseThrow();
    }

    private static List<Double> scores(List<ComparisonResult> results) {
        return results.stream().map(ComparisonResult::similarity).toList();
    }

    @Test
    void eachTemplateCrossesOnceThenIsNamedByItsSha256(@TempDir Path tmp) throws Exception {
        Verifier v = verifier(scriptedService(1, 2), tmp);
        Template probe = template(10);
        List<Template> enrolments = List.of(template(3), template(10), template(30), template(3));

        assertThat(scores(v.compareMany(probe, enrolments))).containsExactly(-7.0, 0.0, -20.0, -7.0);
        JsonNode first = compareBodies.get(0);
        // Three distinct templates (the probe equals the second enrolment; template(3) comes twice), each
        // stored once.
        assertThat(first.get("store").size()).isEqualTo(3);
        assertThat(first.has("enrolments")).isFalse();
        assertThat(first.get("probe_ref").asText()).isEqualTo(TemplateRef.of(probe))
                .matches("[0-9a-f]{64}");

        Template another = template(13);
        assertThat(scores(v.compareMany(another, enrolments))).containsExactly(-10.0, -3.0, -17.0, -10.0);
        JsonNode second = compareBodies.get(1);
        assertThat(second.get("store").size()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(second.get("store").get(0).asText())).isEqualTo(another.toByteArray());
        assertThat(second.get("enrolment_refs")).hasSize(4);
    }

    @Test
    void aServiceThatLostItsTemplatesGetsTheCallInlineAndTheTemplatesAgainAfter(@TempDir Path tmp) throws Exception {
        Verifier v = verifier(scriptedService(1, 2), tmp);
        Template probe = template(5);
        List<Template> enrolments = List.of(template(1), template(9));
        v.compareMany(probe, enrolments);

        forget.set(true); // as if the service restarted
        assertThat(scores(v.compareMany(probe, enrolments))).containsExactly(-4.0, -4.0);
        assertThat(compareBodies).hasSize(3);
        assertThat(compareBodies.get(1).get("store").size()).isZero();
        assertThat(compareBodies.get(2).has("enrolments")).as("resent inline after 409").isTrue();

        assertThat(scores(v.compareMany(probe, enrolments))).containsExactly(-4.0, -4.0);
        assertThat(compareBodies.get(3).get("store").size()).as("stored again").isEqualTo(3);
    }

    @Test
    void aRequestStoresAtMostItsByteBudgetOfNewTemplatesThenNamesThemAll(@TempDir Path tmp) throws Exception {
        Verifier v = verifier(scriptedService(1, 2), tmp);
        // 3 MB templates: with a 3 MB probe, one new enrolment fits a request's 8 MiB, two do not.
        Template probe = big(60);
        List<Template> enrolments = List.of(big(0), big(50), big(100), big(120));
        List<Double> expected = enrolments.stream().map(e -> expected(e, probe)).toList();
        assertThat(scores(v.compareMany(probe, enrolments))).isEqualTo(expected);
        assertThat(compareBodies).extracting(b -> b.get("enrolment_refs").size()).containsExactly(1, 1, 1, 1);
        for (JsonNode body : compareBodies) {
            long stored = 0;
            for (JsonNode t : body.get("store")) {
                stored += Base64.getDecoder().decode(t.asText()).length;
            }
            assertThat(stored).isLessThanOrEqualTo(HttpEndpoint.STORE_BYTES_PER_REQUEST);
        }
        compareBodies.clear();
        assertThat(scores(v.compareMany(probe, enrolments))).isEqualTo(expected);
        assertThat(compareBodies).extracting(b -> b.get("enrolment_refs").size()).containsExactly(4);
        assertThat(compareBodies.get(0).get("store")).isEmpty();
    }

    private static Template big(int first) {
        byte[] b = new byte[3_000_000];
        b[0] = (byte) first;
        return Template.of(b);
    }

    @Test
    void aVersionOneServiceGetsTemplatesInlineAsBefore(@TempDir Path tmp) throws Exception {
        Verifier v = verifier(scriptedService(), tmp);
        Template probe = template(5);
        v.compareMany(probe, List.of(template(1)));
        assertThat(scores(v.compareMany(probe, List.of(template(1), template(8))))).containsExactly(-4.0, -3.0);
        for (JsonNode body : compareBodies) {
            assertThat(body.has("probe")).isTrue();
            assertThat(body.has("store") || body.has("probe_ref") || body.has("enrolment_refs")).isFalse();
        }

        // The harness hands remote systems up to 1,024 enrolments per call; a version-1 service still gets
        // requests of at most 64 inline templates (a proxy's body limit met before stays met), answered in order.
        compareBodies.clear();
        List<Template> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(template(i % 100));
        }
        List<Double> expected = many.stream().map(e -> expected(e, probe)).toList();
        assertThat(scores(v.compareMany(probe, many))).isEqualTo(expected);
        assertThat(compareBodies).extracting(b -> b.get("enrolments").size()).containsExactly(64, 64, 22);
    }

    // ---- serve -----------------------------------------------------------------------------------------

    private HttpApiServer serve() throws Exception {
        OpenedSystem opened = OpenedSystem.open(new ScriptedVerifierProvider(DISTANCE, Concurrency.THREAD_SAFE),
                Optional.empty(), Capability.VERIFICATION, "serve", 2);
        ServedSystem served = ServedSystem.of(opened);
        open.add(served);
        HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback());
        open.add(0, server);
        return server;
    }

    private static HttpResponse<String> post(HttpApiServer server, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.uri() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String b64(Template t) {
        return "\"" + Base64.getEncoder().encodeToString(t.toByteArray()) + "\"";
    }

    @Test
    void serveAnnouncesBothVersionsAndAnswersReferencesLikeInlineTemplates() throws Exception {
        HttpApiServer server = serve();
        JsonNode system = WireJson.MAPPER.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.uri() + "/v1/system")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(system.get("protocol").asInt()).isEqualTo(1);
        assertThat(system.get("protocols").toString()).isEqualTo("[1,2]");

        Template p = template(20);
        Template a = template(4);
        Template b = template(25);
        String ra = "\"" + TemplateRef.of(a) + "\"";
        String rb = "\"" + TemplateRef.of(b) + "\"";
        HttpResponse<String> unknown = post(server, "/v1/compare",
                "{\"probe\":" + b64(p) + ",\"enrolment_refs\":[" + ra + "]}");
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(WireJson.MAPPER.readTree(unknown.body()).at("/error/code").asText()).isEqualTo("UNKNOWN_TEMPLATE");
        assertThat(unknown.body()).contains(TemplateRef.of(a));

        HttpResponse<String> stored = post(server, "/v1/compare", "{\"store\":[" + b64(a) + "," + b64(b) + "],"
                + "\"probe\":" + b64(p) + ",\"enrolment_refs\":[" + ra + "," + rb + "]}");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo("{\"results\":[{\"score\":-16.0},{\"score\":-5.0}]}");

        // Later calls name them alone; version 1's inline form still answers the same.
        HttpResponse<String> byRef = post(server, "/v1/compare",
                "{\"probe\":" + b64(p) + ",\"enrolment_refs\":[" + rb + "," + ra + "]}");
        assertThat(byRef.body()).isEqualTo("{\"results\":[{\"score\":-5.0},{\"score\":-16.0}]}");
        HttpResponse<String> inline = post(server, "/v1/compare",
                "{\"probe\":" + b64(p) + ",\"enrolments\":[" + b64(b) + "," + b64(a) + "]}");
        assertThat(inline.body()).isEqualTo(byRef.body());

        HttpResponse<String> notText = post(server, "/v1/compare", "{\"probe\":" + b64(p) + ",\"enrolment_refs\":[7]}");
        assertThat(notText.statusCode()).isEqualTo(400);
        assertThat(notText.body()).contains("MALFORMED_REQUEST").contains("enrolment_refs[0]");
    }

    @Test
    void theHarnessAgainstServeScoresAsInProcess(@TempDir Path tmp) throws Exception {
        HttpApiServer server = serve();
        Verifier v = verifier(server.uri(), tmp);
        List<Template> enrolments = List.of(template(0), template(50), template(100));
        for (int first : new int[] {0, 60, 60, 120}) {
            Template probe = template(first);
            List<Double> expected = enrolments.stream().map(e -> expected(e, probe)).toList();
            assertThat(scores(v.compareMany(probe, enrolments))).isEqualTo(expected);
        }
    }
}
