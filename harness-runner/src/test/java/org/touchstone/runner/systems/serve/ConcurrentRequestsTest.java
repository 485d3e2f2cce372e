package org.touchstone.runner.systems.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Capability;
import org.touchstone.runner.systems.OpenedSystem;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.wire.HttpApi;

/**
 * Requests served at the same time each get the answer to their own body. (The JDK server keeps exchange
 * attributes per context, not per exchange: a body stored there was once read by a concurrent request, which
 * then answered for another image, now and then.)
 */
class ConcurrentRequestsTest {
    private static final int IMAGES = 24;
    private static final int ROUNDS = 6;

    @Test
    void everyConcurrentRequestIsAnsweredForItsOwnBody() throws Exception {
        SystemRegistry registry = new SystemRegistry(ConcurrentRequestsTest.class.getClassLoader());
        try (OpenedSystem opened = OpenedSystem.open(registry.require("lbp"), Optional.empty(), Capability.VERIFICATION,
                "serve", 8);
             ServedSystem served = ServedSystem.of(opened);
             HttpApiServer server = HttpApiServer.start(served, ServeSettings.loopback().withBounds(8,
                     ServeSettings.DEFAULT_MAX_REQUEST_BYTES))) {
            HttpClient client = HttpClient.newHttpClient();
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < IMAGES; i++) {
                bodies.add("{\"role\":\"verification_enrolment\",\"images\":[{\"id\":\"noise-" + i
                        + "\",\"format\":\"png\",\"data\":\"" + Base64.getEncoder().encodeToString(noisePng(i)) + "\"}]}");
            }
            List<String> serial = new ArrayList<>();
            for (String body : bodies) {
                serial.add(post(client, server.uri(), body));
            }
            assertThat(serial).doesNotHaveDuplicates().allSatisfy(reply -> assertThat(reply).contains("\"template\""));

            // Twice the server's slots: requests beyond them wait for a slot (briefly) rather than being refused.
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> replies = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (String body : bodies) {
                        replies.add(pool.submit(() -> post(client, server.uri(), body)));
                    }
                }
                for (int k = 0; k < replies.size(); k++) {
                    assertThat(replies.get(k).get()).as("reply %d (image %d)", k, k % IMAGES)
                            .isEqualTo(serial.get(k % IMAGES));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String post(HttpClient client, URI base, String body) throws Exception {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(base + HttpApi.TEMPLATES))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    /** A grey image of random pixels, different for every seed. */
    private static byte[] noisePng(int seed) throws Exception {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int v = random.nextInt(256);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
