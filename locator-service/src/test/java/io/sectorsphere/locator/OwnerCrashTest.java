package io.sectorsphere.locator;

import static io.sectorsphere.locator.LocatorCluster.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.locator.LocatorCluster.Node;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerCrashTest {

    private static final Map<String, String> CRASHING = Map.of("sector.locator.leave-on-shutdown", "false");

    @Test
    void recordOutlivesTheCrashOfItsOwner() {
        try (LocatorCluster cluster = new LocatorCluster()) {
            Node first = cluster.start(CRASHING);
            List<Node> nodes = List.of(first,
                    cluster.start(Map.of("sector.locator.leave-on-shutdown", "false",
                            "sector.locator.join", first.address())),
                    cluster.start(Map.of("sector.locator.leave-on-shutdown", "false",
                            "sector.locator.join", first.address())));
            cluster.waitUntil("all three know two successors", () -> nodes.stream()
                    .allMatch(node -> node.ring().get("stable").asBoolean()
                            && node.ring().get("successors").size() == 2));
            String name = "survivor/data.csv";
            HttpResponse<String> put = first.put("/api/v1/locations/" + name, ThreeNodeRingTest.update(
                    "127.0.0.41:6200", 7, Instant.parse("2026-11-22T03:00:00Z"), "sha256:" + "77".repeat(32)));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            String owner = JSON.readTree(put.body()).get("owner").asString();

            Node crashed = nodes.stream().filter(node -> node.address().equals(owner)).findFirst().orElseThrow();
            crashed.stop();
            List<Node> survivors = nodes.stream().filter(node -> node != crashed).toList();
            cluster.waitUntil("the survivors form a ring of two", () -> survivors.stream()
                    .allMatch(node -> node.ring().get("stable").asBoolean()
                            && node.ring().get("successors").size() == 1));

            for (Node survivor : survivors) {
                HttpResponse<String> located = survivor.get("/api/v1/locate/" + name);
                assertThat(located.statusCode()).as(located.body()).isEqualTo(200);
                assertThat(JSON.readTree(located.body()).get("replicas").get(0).get("holder").asString())
                        .isEqualTo("127.0.0.41:6200");
                assertThat(JSON.readTree(located.body()).get("owner").asString()).isNotEqualTo(owner);
            }
        }
    }
}
