package io.sectorsphere.locator.replication;

import static io.sectorsphere.locator.replication.ReplicationPlannerTest.replica;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.replication.ReplicaRequester.Outcome;
import io.sectorsphere.locator.replication.ReplicationPlanner.CopyOrder;
import io.sectorsphere.locator.replication.RecordingStorageApi.Received;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The copy request on the wire, against a real HTTP server standing in for the storage node's API. */
class ReplicaRequesterTest {

    private static final String CHECKSUM = "sha256:" + "44".repeat(32);

    private final RecordingStorageApi storage = new RecordingStorageApi();
    private final ReplicaRequester requester = requester("s3cret");

    @AfterEach
    void close() {
        requester.close();
        storage.close();
    }

    @Test
    void postsTheRequestWithTheBearerTokenAndCountsA202AsAccepted() {
        Outcome outcome = requester.request(order(storage.url("target")));

        assertThat(outcome).isEqualTo(Outcome.ACCEPTED);
        Received received = storage.received().getFirst();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/target/api/v1/replicas");
        assertThat(received.authorization()).isEqualTo("Bearer s3cret");
        assertThat(received.contentType()).startsWith("application/json");
        JsonNode body = JsonMapper.builder().build().readTree(received.body());
        assertThat(body.get("name").asString()).isEqualTo("dir/file one.dat");
        assertThat(body.get("source").asString()).isEqualTo("http://holder:1");
        assertThat(body.get("checksum").asString()).isEqualTo(CHECKSUM);
    }

    @Test
    void aRefusalIsRejectedAndNoAnswerIsFailed() throws Exception {
        storage.answer(403);
        assertThat(requester.request(order(storage.url("target")))).isEqualTo(Outcome.REJECTED);

        storage.answer(500);
        assertThat(requester.request(order(storage.url("target")))).isEqualTo(Outcome.FAILED);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(requester.request(order("http://127.0.0.1:" + closedPort))).isEqualTo(Outcome.FAILED);
    }

    @Test
    void withoutATokenNothingCanBeRequested() {
        try (ReplicaRequester anonymous = requester(null)) {
            assertThat(anonymous.canRequest()).isFalse();
        }
        assertThat(requester.canRequest()).isTrue();
    }

    private static ReplicaRequester requester(String token) {
        var settings = new LocatorProperties.Replication(2, Duration.ofHours(1), token, Duration.ofSeconds(2), null);
        return ReplicaRequester.create(RestClient.builder(), settings);
    }

    private static CopyOrder order(String targetUrl) {
        Replica source = replica("holder", 10, Instant.parse("2026-11-22T04:00:00Z"), CHECKSUM);
        NodeStatus target = new NodeStatus("target:1", targetUrl, "target:2", 100, 100, 0, 60);
        return new CopyOrder("dir/file one.dat", CHECKSUM, source, target);
    }
}
