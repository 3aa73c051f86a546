package io.sectorsphere.locator;

import static io.sectorsphere.locator.LocatorCluster.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.locator.LocatorCluster.Node;
import io.sectorsphere.locator.ring.LocalNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Locates over REST between real locator contexts go straight to the owner that the membership
 * view predicts, which answers with the record: one round trip. The ring keeps two successors and
 * never fixes its fingers, so without the view a lookup would walk the ring one successor at a time:
 * up to four lookup hops and the read on six nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MembershipViewLocateTest {

    private static final int NODES = 6;
    private static final int NAMES = 30;
    private static final String CHECKSUM = "sha256:" + "33".repeat(32);
    private static final Map<String, String> NO_FINGERS = Map.of(
            "sector.locator.ring.successor-list-length", "2",
            "sector.locator.ring.fix-fingers-interval", "1h",
            "sector.locator.leave-on-shutdown", "false");

    private static LocatorCluster cluster;
    private static final List<Node> nodes = new ArrayList<>();

    @BeforeAll
    static void startRing() {
        cluster = new LocatorCluster();
        Node first = cluster.start(NO_FINGERS);
        nodes.add(first);
        for (int i = 1; i < NODES; i++) {
            Map<String, String> joining = new HashMap<>(NO_FINGERS);
            joining.put("sector.locator.join", first.address());
            nodes.add(cluster.start(joining));
        }
        cluster.waitUntil("every node's view knows all " + NODES + " members and the ring is stable",
                () -> nodes.stream().allMatch(node -> chord(node).isStable()
                        && chord(node).view().knownMembers() == NODES));
        for (int i = 0; i < NAMES; i++) {
            HttpResponse<String> published = nodes.getFirst().put("/api/v1/locations/" + name(i),
                    ThreeNodeRingTest.update("127.0.0.41:6200", 10, Instant.parse("2026-12-01T00:00:00Z"), CHECKSUM));
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stopRing() {
        cluster.close();
    }

    @Test
    @Order(1)
    void everyLocateReachesTheRightOwnerInOneRoundTrip() {
        int direct = 0;
        for (Node asked : nodes) {
            for (int i = 0; i < NAMES; i++) {
                String name = name(i);
                HttpResponse<String> located = asked.get("/api/v1/locate/" + name);
                assertThat(located.statusCode()).as(located.body()).isEqualTo(200);
                JsonNode location = JSON.readTree(located.body());
                Node owner = ownerOf(name, nodes);
                assertThat(location.get("owner").asString()).as("owner of %s", name).isEqualTo(owner.address());
                // The owner's own tables or its successor's cover the key; any other owner is asked
                // directly and sends the record with its answer: one hop either way.
                int hops = location.get("hops").asInt();
                assertThat(hops).as("hops to locate %s through %s", name, asked.address()).isLessThanOrEqualTo(1);
                if (owner != asked && owner != successorOf(asked)) {
                    direct++;
                }
            }
        }
        assertThat(direct).as("locates that asked a predicted owner over REST").isPositive();
    }

    @Test
    @Order(2)
    void aCrashedOwnerIsRoutedAroundAndTheViewForgetsIt() {
        Node victim = nodes.get(3);
        String victimAddress = victim.address();
        victim.stop();
        List<Node> alive = nodes.stream().filter(node -> node != victim).toList();

        for (int i = 0; i < NAMES; i++) {
            HttpResponse<String> located = alive.get(i % alive.size()).get("/api/v1/locate/" + name(i));
            assertThat(located.statusCode()).as(located.body()).isEqualTo(200);
            assertThat(JSON.readTree(located.body()).get("replicas").get(0).get("holder").asString())
                    .isEqualTo("127.0.0.41:6200");
        }
        cluster.waitUntil("every remaining view has dropped " + victimAddress + " and the ring is stable",
                () -> alive.stream().allMatch(node -> chord(node).isStable()
                        && chord(node).view().knownMembers() == NODES - 1));
        for (int i = 0; i < NAMES; i++) {
            JsonNode location = JSON.readTree(alive.getFirst().get("/api/v1/locate/" + name(i)).body());
            assertThat(location.get("owner").asString()).isEqualTo(ownerOf(name(i), alive).address());
        }
    }

    private static String name(int i) {
        return "view/file-" + i + ".bin";
    }

    private static Node successorOf(Node node) {
        List<Node> byId = nodes.stream().sorted(Comparator.comparing(n -> NodeId.ofAddress(n.address()))).toList();
        return byId.get((byId.indexOf(node) + 1) % byId.size());
    }

    private static ChordNode chord(Node node) {
        return node.context().getBean(LocalNode.class).require();
    }

    private static Node ownerOf(String name, List<Node> among) {
        NodeId key = NodeId.ofKey(name);
        List<Node> byId = among.stream().sorted(Comparator.comparing(node -> NodeId.ofAddress(node.address()))).toList();
        return byId.stream().filter(node -> NodeId.ofAddress(node.address()).compareTo(key) >= 0).findFirst()
                .orElse(byId.getFirst());
    }
}
