package io.sectorsphere.storage.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.TestSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RttEstimatorTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer near;
    private HttpServer far;
    private final AtomicInteger probesOfNear = new AtomicInteger();

    @AfterEach
    void stop() {
        near.stop(0);
        far.stop(0);
        http.close();
    }

    @Test
    void ranksHoldersByMeasuredRoundTripTimeAndUnreachableOnesLast() throws Exception {
        near = liveness(0, probesOfNear);
        far = liveness(150, new AtomicInteger());
        Replica dead = replica("a-dead", freePort());
        Replica slow = replica("b-far", far.getAddress().getPort());
        Replica fast = replica("c-near", near.getAddress().getPort());
        RttEstimator estimator = new RttEstimator(http, Clock.systemUTC(), TestSettings.defaults());

        List<Replica> ranked = estimator.rank(List.of(dead, slow, fast));
        List<Replica> again = estimator.rank(List.of(fast, dead, slow));

        assertThat(ranked).containsExactly(fast, slow, dead);
        assertThat(again).containsExactly(fast, slow, dead);
        assertThat(estimator.rtt(dead.holder())).isInfinite();
        assertThat(estimator.rtt(slow.holder())).isGreaterThan(estimator.rtt(fast.holder()));
        // Estimates are trusted for a while: the second ranking measured nothing again.
        assertThat(probesOfNear).hasValue(1);
    }

    private static HttpServer liveness(long delayMillis, AtomicInteger probes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/actuator/health/liveness", exchange -> {
            probes.incrementAndGet();
            try {
                // Simulated distance, not a wait of the test.
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Replica replica(String name, int port) {
        return new Replica(name + ":" + port, "http://127.0.0.1:" + port, "127.0.0.1:6301", 1, Instant.EPOCH,
                "sha256:" + "0".repeat(64), Instant.EPOCH);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
