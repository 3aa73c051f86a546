package io.sectorsphere.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.client.CannedServer.Response;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.replication.ReplicationStatus;
import io.sectorsphere.common.ring.RingMember;
import io.sectorsphere.common.ring.RingStatus;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysinfoTest {

    private final CannedServer first = new CannedServer();
    private final CannedServer second = new CannedServer();

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void sysinfoSumsTheRegistryAndTheReplicaCheckOfEveryLocatorOnTheRing() throws Exception {
        String gone = "127.0.0.1:" + closedPort();
        NodeStatus n1 = node("127.0.0.21", 1000, 600, 4);
        NodeStatus n2 = node("127.0.0.22", 2000, 100, 3);
        first.on("GET", "/api/v1/nodes", json(List.of(n1, n2)))
                .on("GET", "/api/v1/ring", json(ring(first, List.of(address(second)))))
                .on("GET", "/api/v1/replication", json(new ReplicationStatus(2, 3, 1, 1)));
        second.on("GET", "/api/v1/ring", json(ring(second, List.of(gone, address(first)))))
                .on("GET", "/api/v1/replication", json(new ReplicationStatus(2, 2, 0, 0)));
        // Asked as localhost, the first locator is named 127.0.0.1 by the ring: it is counted once.
        URI asLocalhost = URI.create("http://localhost:" + first.uri().getPort());

        SectorClientConfig config = new SectorClientConfig(first.uri(), asLocalhost, null, null, null);
        try (SectorClient client = new SectorClient(config)) {
            SystemInfo info = client.sysinfo();

            assertThat(info.nodes()).containsExactly(n1, n2);
            assertThat(info.capacityBytes()).isEqualTo(3000);
            assertThat(info.freeBytes()).isEqualTo(700);
            assertThat(info.storedFiles()).isEqualTo(7);
            assertThat(info.files()).isEqualTo(5);
            assertThat(info.minCopies()).isEqualTo(2);
            assertThat(info.underReplicated()).isEqualTo(1);
            assertThat(info.locators()).isEqualTo(2);
            assertThat(info.unreachableLocators()).containsExactly(gone);
        }
    }

    private static NodeStatus node(String host, long capacity, long free, long files) {
        return new NodeStatus(host + ":6200", "http://" + host + ":6200", host + ":6301", capacity, free, files, 30);
    }

    private static RingStatus ring(CannedServer self, List<String> successors) {
        return new RingStatus(member(address(self)), null, successors.stream().map(SysinfoTest::member).toList(),
                List.of(), successors.size() + 1, 0, true, true);
    }

    private static RingMember member(String address) {
        return new RingMember("0".repeat(32), address);
    }

    private static String address(CannedServer server) {
        return "127.0.0.1:" + server.uri().getPort();
    }

    private static Response json(Object value) {
        return Response.json(200, Json.MAPPER.writeValueAsString(value));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
