package org.touchstone.runner.systems.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;
import org.touchstone.api.ImageFormat;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.RunSystemContext;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.serve.ServedSystem;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.testsystems.ScriptedVerifierProvider;
import org.touchstone.runner.testsystems.SubjectOracleProvider;

/**
 * The HTTP boundary on its own: the client adapter against a scripted service that misbehaves in the
 * ways networks and services do, and {@code serve}'s token, TLS, size and concurrency bounds.
 */
class HttpAdapterTest {
    private static final FaceImage IMAGE = new FaceImage("S00001-01", ImageFormat.PNG, new byte[] {1, 2, 3});
    private static final CallLimits HALF_SECOND = CallLimits.defaults().with(CallLimits.Operation.TEMPLATE,
            Duration.ofMillis(500));

    private final AtomicReference<HttpHandler> templates = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer scripted;
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void close() throws Exception {
        if (scripted != null) {
            scripted.stop(0);
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A service that describes itself properly and answers /v1/templates as the test scripts it. */
    private URI scriptedService() throws IOException {
        scripted = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        scripted.createContext("/v1/system", exchange -> {
            ObjectNode body = WireJson.object();
            body.put("protocol", 1);
            body.set("descriptor", WireJson.descriptor(new SubjectOracleProvider().descriptor()));
            body.putObject("runtime_properties");
            reply(exchange, 200, WireJson.bytes(body));
        });
        scripted.createContext("/v1/templates", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            templates.get().handle(exchange);
        });
        scripted.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        scripted.start();
        return URI.create("http://127.0.0.1:" + scripted.getAddress().getPort());
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Verifier verifier(URI uri, HttpClientSettings settings, CallLimits limits, Path tmp) throws Exception {
        FaceSystem system = HttpSystemProvider.connect(uri, settings, limits)
                .open(new RunSystemContext(Optional.empty(), tmp, 1));
        open.add(system);
        return system.verifier().orElseThrow();
    }

    private static SystemFault fault(Verifier v) {
        try {
            Result<Template> r = v.createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_ENROLMENT);
            throw new AssertionError("expected a fault, got " + r);
        } catch (SystemFault e) {
            return e;
        }
    }

    @Test
    void aReplyThatIsNotJsonIsInvalidOutput(@TempDir Path tmp) throws Exception {
        templates.set(e -> reply(e, 200, "<html>oops</html>".getBytes(StandardCharsets.UTF_8)));
        SystemFault f = fault(verifier(scriptedService(), HttpClientSettings.defaults(), HALF_SECOND, tmp));
        assertThat(f.code()).isEqualTo(FailureCode.INVALID_OUTPUT);
        assertThat(f.getMessage()).contains("not a JSON object");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsATimeoutAndIsNotRetried(@TempDir Path tmp) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        templates.set(e -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            e.close();
        });
        SystemFault f = fault(verifier(scriptedService(), HttpClientSettings.defaults(), HALF_SECOND, tmp));
        release.countDown();
        assertThat(f.code()).isEqualTo(FailureCode.TIMEOUT);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aDroppedConnectionIsRetriedThreeTimesThenTheSystemHasCrashed(@TempDir Path tmp) throws Exception {
        templates.set(HttpExchange::close);
        SystemFault f = fault(verifier(scriptedService(), HttpClientSettings.defaults(), HALF_SECOND, tmp));
        assertThat(f.code()).isEqualTo(FailureCode.SYSTEM_CRASHED);
        assertThat(calls).hasValue(4);
    }

    @Test
    void aBusyServiceIsRetriedAfterItsRetryAfterAndTheCallSucceeds(@TempDir Path tmp) throws Exception {
        templates.set(e -> {
            if (calls.get() <= 2) {
                e.getResponseHeaders().add("Retry-After", "0");
                reply(e, 503, "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                reply(e, 200, "{\"template\":\"AAEC\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        Result<Template> made = verifier(scriptedService(), HttpClientSettings.defaults(), HALF_SECOND, tmp)
                .createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_ENROLMENT);
        assertThat(made.value()).isEqualTo(Template.of(new byte[] {0, 1, 2}));
        assertThat(calls).hasValue(3);
    }

    @Test
    void statusesMapToTheHarnessCodesTheirBodiesName(@TempDir Path tmp) throws Exception {
        templates.set(e -> reply(e, 500, "{\"error\":{\"code\":\"UNCAUGHT_EXCEPTION\",\"message\":\"boom\"}}"
                .getBytes(StandardCharsets.UTF_8)));
        Verifier v = verifier(scriptedService(), HttpClientSettings.defaults(), HALF_SECOND, tmp);
        assertThat(fault(v).code()).isEqualTo(FailureCode.UNCAUGHT_EXCEPTION);
        templates.set(e -> reply(e, 504, new byte[0]));
        assertThat(fault(v).code()).isEqualTo(FailureCode.TIMEOUT);
        templates.set(e -> reply(e, 418, new byte[0]));
        assertThat(fault(v).code()).isEqualTo(FailureCode.INVALID_OUTPUT);
    }

    // ---- touchstone serve's own bounds -----------------------------------------------------------

    private HttpApiServer serve(Verifier verifier, ServeSettings settings) throws Exception {
        OpenedSystem opened = OpenedSystem.open(new ScriptedVerifierProvider(verifier, Concurrency.THREAD_SAFE),
                Optional.empty(), Capability.VERIFICATION, "serve", 2);
        ServedSystem served = ServedSystem.of(opened);
        open.add(served);
        HttpApiServer server = HttpApiServer.start(served, settings);
        open.add(0, server);
        return server;
    }

    private static final Verifier ECHO = new Verifier() {
        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            byte[] b = new byte[images.get(0).encodedLength()];
            images.get(0).encoded().get(b);
            return Result.success(Template.of(b));
        }

        @Override
        public ComparisonResult compare(Template enrolment, Template probe) {
            return ComparisonResult.score(enrolment.equals(probe) ? 1 : 0);
        }
    };

    @Test
    void withATokenSetRequestsWithoutItAreRefusedAndWithItServed(@TempDir Path tmp) throws Exception {
        HttpApiServer server = serve(ECHO, ServeSettings.loopback().withToken("s3cret"));
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> HttpSystemProvider.connect(server.uri(), HttpClientSettings.defaults(), HALF_SECOND))
                .isInstanceOf(FaceSystemException.class).hasMessageContaining("HTTP 401")
                .hasMessageContaining(HttpClientSettings.TOKEN_VARIABLE);
        HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.uri() + "/v1/system")).header("Authorization", "Bearer s3cre").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));

        Verifier v = verifier(server.uri(), HttpClientSettings.defaults().withToken("s3cret"), HALF_SECOND, tmp);
        assertThat(v.createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_ENROLMENT).value())
                .isEqualTo(Template.of(new byte[] {1, 2, 3}));
    }

    @Test
    void aRequestBeyondTheSizeLimitIsRefusedAsInput(@TempDir Path tmp) throws Exception {
        HttpApiServer server = serve(ECHO, ServeSettings.loopback().withBounds(2, 4096));
        Verifier v = verifier(server.uri(), HttpClientSettings.defaults(), HALF_SECOND, tmp);
        Result<Template> big = v.createTemplate(List.of(new FaceImage("big", ImageFormat.PNG, new byte[10_000])),
                TemplateRole.VERIFICATION_ENROLMENT);
        assertThat(big.failure()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(FailureCode.REFUSE_INPUT);
            assertThat(f.message()).contains("413");
        });
        assertThat(v.createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_ENROLMENT).isSuccess()).isTrue();
    }

    @Test
    void requestsBeyondTheConcurrencyLimitAreAnsweredBusy(@TempDir Path tmp) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Verifier blocking = new Verifier() {
            @Override
            public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Result.success(Template.of(new byte[] {7}));
            }

            @Override
            public ComparisonResult compare(Template enrolment, Template probe) {
                return ComparisonResult.score(0);
            }
        };
        HttpApiServer server = serve(blocking, ServeSettings.loopback().withBounds(1, 1 << 20));
        String body = "{\"role\":\"verification_enrolment\",\"images\":[{\"id\":\"a\",\"format\":\"png\",\"data\":\"AQID\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + "/v1/templates"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> second = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(first.get().body()).isEqualTo("{\"template\":\"Bw==\"}");
    }

    @Test
    void overTlsTheClientTrustsOnlyTheCertificateItIsGiven(@TempDir Path tmp) throws Exception {
        Path keyStore = tmp.resolve("server.p12");
        Path trustStore = tmp.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "touchstone", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "touchstone", "-keystore", keyStore.toString(), "-storepass",
                "changeit", "-file", tmp.resolve("server.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "touchstone", "-file", tmp.resolve("server.pem").toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");

        HttpApiServer server = serve(ECHO, ServeSettings.loopback()
                .withTls(ServeSettings.serverTls(keyStore, "changeit".toCharArray())));
        assertThat(server.uri().getScheme()).isEqualTo("https");
        assertThatThrownBy(() -> HttpSystemProvider.connect(server.uri(), HttpClientSettings.defaults(), HALF_SECOND))
                .isInstanceOf(FaceSystemException.class);
        HttpClientSettings trusting = HttpClientSettings.defaults()
                .withTls(HttpClientSettings.trusting(trustStore, "changeit".toCharArray()));
        Verifier v = verifier(server.uri(), trusting, HALF_SECOND, tmp);
        assertThat(v.createTemplate(List.of(IMAGE), TemplateRole.VERIFICATION_ENROLMENT).value())
                .isEqualTo(Template.of(new byte[] {1, 2, 3}));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
