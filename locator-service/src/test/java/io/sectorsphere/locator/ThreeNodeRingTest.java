package io.sectorsphere.locator;

import static io.sectorsphere.locator.LocatorCluster.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.locator.LocatorCluster.Node;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ThreeNodeRingTest {

    private static final String CHECKSUM_1 = "sha256:" + "11".repeat(32);
    private static final String CHECKSUM_2 = "sha256:" + "22".repeat(32);

    private static LocatorCluster cluster;
    private static List<Node> nodes;

    @BeforeAll
    static void startRing() {
        cluster = new LocatorCluster();
        Node first = cluster.start(Map.of());
        nodes = List.of(first, cluster.startJoining(first), cluster.startJoining(first));
        cluster.waitUntil("every node's predecessor and successor follow the id order", ThreeNodeRingTest::consistent);
    }

    @AfterAll
    static void stopRing() {
        cluster.close();
    }

    @Test
    void ringEndpointShowsNeighboursInIdOrder() {
        List<Node> byId = byId();
        for (int i = 0; i < byId.size(); i++) {
            JsonNode ring = byId.get(i).ring();
            Node next = byId.get((i + 1) % byId.size());
            Node previous = byId.get((i + byId.size() - 1) % byId.size());
            assertThat(ring.get("self").get("address").asString()).isEqualTo(byId.get(i).address());
            assertThat(ring.get("self").get("id").asString()).isEqualTo(NodeId.ofAddress(byId.get(i).address()).toHex());
            assertThat(ring.get("predecessor").get("address").asString()).isEqualTo(previous.address());
            assertThat(ring.get("successors").valueStream().map(n -> n.get("address").asString()))
                    .containsExactly(next.address(), previous.address());
            assertThat(ring.get("member").asBoolean()).isTrue();
            assertThat(ring.get("stable").asBoolean()).isTrue();
        }
    }

    @Test
    void recordsPublishedThroughOneNodeAreLocatedThroughAnother() {
        String name = "data/2026/run-1.csv";
        Instant older = Instant.parse("2026-11-22T03:00:00Z");
        Instant newer = Instant.parse("2026-11-22T04:00:00Z");
        HttpResponse<String> first = publish(nodes.get(0), name, update("127.0.0.21:6200", 100, older, CHECKSUM_1));
        HttpResponse<String> second = publish(nodes.get(1), name, update("127.0.0.22:6200", 120, newer, CHECKSUM_2));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("owner").asString()).isEqualTo(ownerOf(name).address());
        for (Node asked : nodes) {
            HttpResponse<String> located = asked.get("/api/v1/locate/" + name);
            assertThat(located.statusCode()).as(located.body()).isEqualTo(200);
            JsonNode location = JSON.readTree(located.body());
            assertThat(location.get("name").asString()).isEqualTo(name);
            assertThat(location.get("size").asLong()).isEqualTo(120);
            assertThat(location.get("mtime").asString()).isEqualTo(newer.toString());
            assertThat(location.get("checksum").asString()).isEqualTo(CHECKSUM_2);
            assertThat(location.get("replicas").valueStream().map(r -> r.get("holder").asString()))
                    .containsExactly("127.0.0.21:6200", "127.0.0.22:6200");
            JsonNode replica = location.get("replicas").get(0);
            assertThat(replica.get("httpAddress").asString()).isEqualTo("http://127.0.0.21:6200");
            assertThat(replica.get("udtAddress").asString()).isEqualTo("127.0.0.21:6301");
            assertThat(replica.get("size").asLong()).isEqualTo(100);
            assertThat(Instant.parse(replica.get("expiresAt").asString())).isAfter(Instant.now());
            assertThat(location.get("owner").asString()).isEqualTo(ownerOf(name).address());
            // The owner answers from its own store; anyone else needs at most the lookup hop and the read.
            int hops = location.get("hops").asInt();
            if (asked == ownerOf(name)) {
                assertThat(hops).isZero();
            } else {
                assertThat(hops).isBetween(1, 2);
            }
        }
    }

    @Test
    void withdrawnReplicaDisappearsFromTheRecord() {
        String name = "withdrawn/file.bin";
        publish(nodes.get(0), name, update("127.0.0.31:6200", 5, Instant.parse("2026-01-01T00:00:00Z"), CHECKSUM_1));
        publish(nodes.get(0), name, update("127.0.0.32:6200", 5, Instant.parse("2026-01-01T00:00:00Z"), CHECKSUM_1));

        HttpResponse<String> deleted = nodes.get(1).delete("/api/v1/locations/" + name + "?holder=127.0.0.31:6200");
        HttpResponse<String> located = nodes.get(2).get("/api/v1/locate/" + name);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(located.body()).get("replicas").valueStream().map(r -> r.get("holder").asString()))
                .containsExactly("127.0.0.32:6200");
    }

    @Test
    void recordLapsesWhenItsHolderStopsRefreshing() {
        String name = "lapsing/file.bin";
        String update = update("127.0.0.51:6200", 1, Instant.parse("2026-01-01T00:00:00Z"), CHECKSUM_1)
                .replace("\"ttlSeconds\":60", "\"ttlSeconds\":3");
        assertThat(publish(nodes.get(0), name, update).statusCode()).isEqualTo(200);
        assertThat(nodes.get(1).get("/api/v1/locate/" + name).statusCode()).isEqualTo(200);

        cluster.waitUntil("the record lapses", () -> nodes.get(1).get("/api/v1/locate/" + name).statusCode() == 404);
    }

    @Test
    void storageNodesRegisteredThroughOneLocatorAreListedByEveryLocatorUntilRemoved() {
        assertThat(register(nodes.get(0), "127.0.0.61:6200").statusCode()).isEqualTo(204);
        assertThat(register(nodes.get(1), "127.0.0.62:6200").statusCode()).isEqualTo(204);

        for (Node asked : nodes) {
            HttpResponse<String> listed = asked.get("/api/v1/nodes");
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            JsonNode first = JSON.readTree(listed.body()).get(0);
            assertThat(JSON.readTree(listed.body()).valueStream().map(n -> n.get("address").asString()))
                    .containsExactly("127.0.0.61:6200", "127.0.0.62:6200");
            assertThat(first.get("httpAddress").asString()).isEqualTo("http://127.0.0.61:6200");
            assertThat(first.get("freeBytes").asLong()).isEqualTo(400);
        }

        assertThat(nodes.get(2).delete("/api/v1/nodes/127.0.0.61:6200").statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(nodes.get(0).get("/api/v1/nodes").body()).valueStream()
                .map(n -> n.get("address").asString())).containsExactly("127.0.0.62:6200");
    }

    @Test
    void unknownFileIsNotFoundWithProblemDetailsAndHops() {
        HttpResponse<String> located = nodes.get(2).get("/api/v1/locate/no/such/file");

        assertThat(located.statusCode()).isEqualTo(404);
        assertThat(located.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(located.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("hops").asInt()).isBetween(0, 3);
    }

    @Test
    void prometheusExposesLookupAndRingMetrics() {
        nodes.get(1).get("/api/v1/locate/metrics/probe");

        String metrics = nodes.get(1).get("/actuator/prometheus").body();

        assertThat(metrics).contains("sector_locator_lookups_total{", "outcome=\"not_found\"",
                "sector_locator_lookup_hops_bucket{", "sector_locator_ring_size_estimate",
                "sector_locator_stabilization_rounds_total", "sector_locator_entries");
        assertThat(metrics).doesNotContain("metrics/probe");
    }

    static String update(String holder, long size, Instant mtime, String checksum) {
        String host = holder.substring(0, holder.indexOf(':'));
        return JSON.writeValueAsString(new ReplicaUpdate(holder, "http://" + holder, host + ":6301", size, mtime,
                checksum, 60L));
    }

    static HttpResponse<String> register(Node via, String address) {
        String host = address.substring(0, address.indexOf(':'));
        return via.put("/api/v1/nodes/" + address, JSON.writeValueAsString(
                new NodeStatus(address, "http://" + address, host + ":6301", 1000, 400, 7, 60)));
    }

    private static HttpResponse<String> publish(Node via, String name, String body) {
        return via.put("/api/v1/locations/" + name, body);
    }

    private static boolean consistent() {
        List<Node> byId = byId();
        for (int i = 0; i < byId.size(); i++) {
            JsonNode ring = byId.get(i).ring();
            String next = byId.get((i + 1) % byId.size()).address();
            String previous = byId.get((i + byId.size() - 1) % byId.size()).address();
            boolean ok = ring.get("stable").asBoolean()
                    && ring.get("predecessor").isObject()
                    && ring.get("predecessor").get("address").asString().equals(previous)
                    && ring.get("successors").size() == 2
                    && ring.get("successors").get(0).get("address").asString().equals(next);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static List<Node> byId() {
        return nodes.stream().sorted(Comparator.comparing(node -> NodeId.ofAddress(node.address()))).toList();
    }

    /** The node whose id is the first at or after the name's key, clockwise. */
    private static Node ownerOf(String name) {
        NodeId key = NodeId.ofKey(name);
        List<Node> byId = byId();
        for (int i = 0; i < byId.size(); i++) {
            NodeRef previous = NodeRef.of(byId.get((i + byId.size() - 1) % byId.size()).address());
            if (key.isInHalfOpen(previous.id(), NodeId.ofAddress(byId.get(i).address()))) {
                return byId.get(i);
            }
        }
        throw new AssertionError("no owner");
    }
}
