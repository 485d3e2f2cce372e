package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Capability;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.serve.HttpApiServer;
import org.touchstone.runner.systems.serve.ServeSettings;
import org.touchstone.runner.systems.serve.ServedSystem;
import org.touchstone.runner.systems.wire.HttpApi;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.WireJson;

/**
 * Issue classes "hang" and "unclear" for {@code serve}: a request body under the size limit is never refused
 * with Jackson's internal limit text; a body nested past the reading limit gets a named error; and one client
 * address holding many slow connections is refused further ones (503) while another client is still answered.
 */
class ServeLimitsTest {
    private static final int MAX_CONCURRENT = 2;

    private static ServedSystem lbp(List<AutoCloseable> open) throws Exception {
        SystemRegistry registry = new SystemRegistry(ServeLimitsTest.class.getClassLoader());
        OpenedSystem opened = OpenedSystem.open(registry.require("lbp"), Optional.empty(), Capability.VERIFICATION,
                "serve", 1);
        open.add(opened);
        ServedSystem served = ServedSystem.of(opened);
        open.add(served);
        return served;
    }

    private static void closeAll(List<AutoCloseable> open) throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aLongStringUnderTheBodyLimitIsReadAndDeepNestingGetsANamedError() throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            HttpApiServer server = HttpApiServer.start(lbp(open), ServeSettings.loopback().withBounds(MAX_CONCURRENT,
                    ServeSettings.DEFAULT_MAX_REQUEST_BYTES));
            open.add(server);
            HttpClient client = HttpClient.newHttpClient();
            // 21 million base64 characters: above Jackson's default string limit (20 million), far under 64 MiB.
            StringBuilder body = new StringBuilder(21_000_100);
            body.append("{\"role\":\"verification_enrolment\",\"images\":[{\"id\":\"big\",\"format\":\"png\",\"data\":\"");
            body.append("A".repeat(21_000_000)).append("\"}]}");
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(server.uri() + HttpApi.TEMPLATES))
                    .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            // Read and given to the system, which answers that these bytes are no image (a failure, status 200).
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).contains("\"failure\"").doesNotContain("StreamReadConstraints")
                    .doesNotContain("maxStringLength");

            String nested = "{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}";
            reply = client.send(HttpRequest.newBuilder(URI.create(server.uri() + HttpApi.TEMPLATES))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(nested)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(400);
            assertThat(reply.body()).contains("the JSON breaks a reading limit: no value nested deeper than 64 levels")
                    .doesNotContain("StreamReadConstraints").doesNotContain("getMaxNestingDepth");
        } finally {
            closeAll(open);
        }
        // The same reader serves the worker protocol.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WireJson.parseObject(
                ("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("nested deeper than 64 levels");
    }

    /** Sends a GET of the system's descriptor from {@code localAddress} and returns the status line. */
    private static String statusFrom(String localAddress, URI server) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            // A generous deadline: this checks that the request is answered at all, not how fast.
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + HttpApi.SYSTEM + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                line.append((char) c);
            }
            return line.toString() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void oneClientWithManySlowConnectionsIsRefusedMoreWhileAnotherIsAnswered() throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        List<Socket> slow = new ArrayList<>();
        try {
            HttpApiServer server = HttpApiServer.start(lbp(open), ServeSettings.loopback().withBounds(MAX_CONCURRENT,
                    1 << 20));
            open.add(server);
            String host = server.uri().getHost().equals("localhost") ? "127.0.0.1" : server.uri().getHost();
            URI base = URI.create("http://" + host + ":" + server.uri().getPort());
            // Headers complete, body promised and never sent: each holds a reading thread in the handler.
            int perClient = MAX_CONCURRENT + HttpApiServer.PER_CLIENT_EXTRA;
            for (int i = 0; i < perClient; i++) {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress("127.0.0.1", 0));
                socket.connect(new InetSocketAddress(host, base.getPort()));
                slow.add(socket);
                socket.getOutputStream().write(("POST " + HttpApi.TEMPLATES + " HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            // Once the slow connections are all in the handler, this client address gets 503 for any more; poll,
            // since the server takes them up on its own threads.
            String refused = "";
            for (int attempt = 0; attempt < 600 && !refused.startsWith("HTTP/1.1 503"); attempt++) {
                refused = statusFrom("127.0.0.1", base);
                if (!refused.startsWith("HTTP/1.1 503")) {
                    Thread.sleep(100);
                }
            }
            assertThat(refused).startsWith("HTTP/1.1 503").contains("requests from this client address");
            // Another client address is answered.
            String other = statusFrom("127.0.0.2", base);
            assertThat(other).startsWith("HTTP/1.1 200").contains("\"lbp\"");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
            closeAll(open);
        }
    }
}
