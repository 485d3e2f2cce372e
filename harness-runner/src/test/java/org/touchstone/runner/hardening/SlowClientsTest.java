package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
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

/**
 * Issue class "hang": clients that send their requests a byte at a time must not hold every thread of
 * {@code serve}, so that another client is still answered; and the server gives each request a bounded
 * time to arrive.
 */
class SlowClientsTest {
    /** Far more trickling clients than the concurrency limit (2 here) plus the old spare threads (4). */
    private static final int SLOW_CLIENTS = 24;

    @Test
    void clientsTricklingTheirRequestsDoNotStarveAnother() throws Exception {
        SystemRegistry registry = new SystemRegistry(getClass().getClassLoader());
        List<Socket> slow = new ArrayList<>();
        try (OpenedSystem opened = OpenedSystem.open(registry.require("lbp"), Optional.empty(),
                Capability.VERIFICATION, "serve", 1);
             ServedSystem served = ServedSystem.of(opened);
             HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback().withBounds(2, 1 << 20))) {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(server.uri().getHost(), server.uri().getPort());
                slow.add(socket);
                OutputStream out = socket.getOutputStream();
                // The start of a request line and nothing more: the server's thread waits for the rest.
                out.write("POST /v1/templ".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
            // A generous deadline: this checks that the request is answered at all, not how fast.
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(server.uri() + HttpApi.SYSTEM))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).contains("\"lbp\"");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void theServerBoundsTheTimeARequestMayTakeToArrive() throws ClassNotFoundException {
        // The JDK's server reads its limit once; serve sets it when its class is initialised, before any server.
        Class.forName(HttpApiServer.class.getName(), true, HttpApiServer.class.getClassLoader());
        assertThat(System.getProperty("sun.net.httpserver.maxReqTime"))
                .isEqualTo(Long.toString(HttpApiServer.REQUEST_READ_SECONDS));
    }
}
