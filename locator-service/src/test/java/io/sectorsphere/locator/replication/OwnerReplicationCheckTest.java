package io.sectorsphere.locator.replication;

import static io.sectorsphere.locator.LocatorCluster.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.locator.LocatorCluster;
import io.sectorsphere.locator.LocatorCluster.Node;
import io.sectorsphere.locator.replication.RecordingStorageApi.Received;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A real locator runs its replica check every 200 ms against storage nodes registered in its node
 * registry, whose copy API is a recording test double. The end-to-end test with real storage nodes
 * belongs with storage-service, once it exists.
 */
class OwnerReplicationCheckTest {

    private static final String CHECKSUM = "sha256:" + "55".repeat(32);
    private static final Instant MTIME = Instant.parse("2026-11-22T03:00:00Z");

    private static LocatorCluster cluster;
    private static RecordingStorageApi storage;
    private static Node locator;

    @BeforeAll
    static void start() {
        storage = new RecordingStorageApi();
        cluster = new LocatorCluster();
        locator = cluster.start(Map.of(
                "sector.locator.replication.check-interval", "200ms",
                "sector.locator.replication.token", "t0ken",
                "sector.locator.replication.copy-timeout", "1h"));
        cluster.waitUntil("the locator is a ring member", () -> locator.ring().get("member").asBoolean());
    }

    @AfterAll
    static void stop() {
        cluster.close();
        storage.close();
    }

    @Test
    void anUnderReplicatedFileIsCopiedOnceToTheOnlyNodeWithRoomUntilTheCopyAppears() {
        register("n1", 1000);
        register("n2", 1000);
        register("n3", 10);
        assertThat(JSON.readTree(locator.get("/api/v1/nodes").body()).valueStream()
                .map(node -> node.get("address").asString())).containsExactly("127.0.0.1:7001", "127.0.0.1:7002",
                "127.0.0.1:7003");

        publish("a.dat", "n1");
        cluster.waitUntil("a copy of a.dat is requested", () -> requestsFor("a.dat").size() == 1);

        Received request = requestsFor("a.dat").getFirst();
        assertThat(request.path()).isEqualTo("/n2/api/v1/replicas");
        assertThat(request.authorization()).isEqualTo("Bearer t0ken");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("source").asString()).isEqualTo(storage.url("n1"));
        assertThat(body.get("checksum").asString()).isEqualTo(CHECKSUM);
        assertThat(replication()).isEqualTo(Map.of("minCopies", 2, "ownedFiles", 1, "underReplicated", 1,
                "inFlight", 1));

        // A later file's request proves later rounds ran: none of them asked for a.dat again.
        publish("b.dat", "n1");
        cluster.waitUntil("a copy of b.dat is requested", () -> requestsFor("b.dat").size() == 1);
        assertThat(requestsFor("a.dat")).hasSize(1);

        publish("a.dat", "n2");
        cluster.waitUntil("the landed copy of a.dat settles", () -> replication().equals(
                Map.of("minCopies", 2, "ownedFiles", 2, "underReplicated", 1, "inFlight", 1)));

        String metrics = locator.get("/actuator/prometheus").body();
        assertThat(metrics).contains("sector_locator_replication_requests_total{outcome=\"accepted\"} 2.0",
                "sector_locator_replication_under_replicated_files");
        assertThat(metrics).doesNotContain("a.dat");
    }

    private static void register(String node, long freeBytes) {
        String address = address(node);
        NodeStatus status = new NodeStatus(address, storage.url(node), "127.0.0.1:6301", 10_000, freeBytes, 0, 600);
        HttpResponse<String> put = locator.put("/api/v1/nodes/" + address, JSON.writeValueAsString(status));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    }

    private static void publish(String name, String holder) {
        ReplicaUpdate update = new ReplicaUpdate(address(holder), storage.url(holder), "127.0.0.1:6301", 100L, MTIME,
                CHECKSUM, 600L);
        HttpResponse<String> put = locator.put("/api/v1/locations/" + name, JSON.writeValueAsString(update));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private static String address(String node) {
        return "127.0.0.1:700" + node.substring(1);
    }

    private static List<Received> requestsFor(String name) {
        return storage.received().stream().filter(r -> JSON.readTree(r.body()).get("name").asString().equals(name))
                .toList();
    }

    private static Map<String, Object> replication() {
        return JSON.readValue(locator.get("/api/v1/replication").body(), Map.class);
    }
}
