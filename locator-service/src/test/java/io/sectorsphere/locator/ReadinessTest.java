package io.sectorsphere.locator;

import static io.sectorsphere.locator.LocatorCluster.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.locator.LocatorCluster.Node;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void readyOnlyOnceJoinedAndStable() throws IOException {
        int seedPort = freePort();
        try (LocatorCluster cluster = new LocatorCluster()) {
            Node joiner = cluster.start(Map.of("sector.locator.join", "127.0.0.1:" + seedPort));

            HttpResponse<String> notReady = joiner.get("/actuator/health/readiness");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(notReady.body()).get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(joiner.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(joiner.put("/api/v1/locations/early.txt", ThreeNodeRingTest.update("127.0.0.1:6200", 1,
                    Instant.EPOCH, "sha256:" + "00".repeat(32))).statusCode()).isEqualTo(503);

            cluster.start(Map.of("server.port", String.valueOf(seedPort)));
            cluster.waitUntil("the joiner is ready",
                    () -> joiner.get("/actuator/health/readiness").statusCode() == 200);

            HttpResponse<String> ready = joiner.get("/actuator/health/readiness");
            assertThat(JSON.readTree(ready.body()).get("status").asString()).isEqualTo("UP");
            assertThat(joiner.ring().get("successors").get(0).get("address").asString())
                    .isEqualTo("127.0.0.1:" + seedPort);
            String metrics = joiner.get("/actuator/prometheus").body();
            assertThat(metrics).contains("sector_locator_lookups_total", "sector_locator_lookup_hops_count",
                    "sector_locator_ring_size_estimate", "sector_locator_entries");
            assertThat(metrics).containsPattern("sector_locator_stabilization_rounds_total(\\{[^}]*\\})? [1-9]");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
