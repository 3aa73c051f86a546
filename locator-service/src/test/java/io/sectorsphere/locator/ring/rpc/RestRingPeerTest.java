package io.sectorsphere.locator.ring.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.PeerUnavailableException;
import io.sectorsphere.chord.RingPeer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Every way a peer can fail a ring call ends as a PeerUnavailableException, and none blocks for long. */
class RestRingPeerTest {

    private final HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final RestRingTransport transport =
            RestRingTransport.create(RestClient.builder(), httpClient, Duration.ofMillis(500));

    @AfterEach
    void closeClient() {
        httpClient.shutdownNow();
    }

    @Test
    void peerThatAcceptsButNeverAnswersCostsTheReadTimeout() throws IOException {
        // The kernel completes the handshake into the backlog; nothing ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RingPeer peer = transport.peer(NodeRef.of("127.0.0.1:" + silent.getLocalPort()));
            Instant start = Instant.now();

            assertThatThrownBy(() -> peer.step(NodeId.ofKey("x"))).isInstanceOf(PeerUnavailableException.class);

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void refusedConnectionIsPeerUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RingPeer peer = transport.peer(NodeRef.of("127.0.0.1:" + closedPort));

        assertThatThrownBy(peer::ping).isInstanceOf(PeerUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void errorStatusAndForgedAnswersArePeerUnavailable() throws IOException {
        String forged = "{\"id\":\"" + NodeId.ofAddress("127.0.0.1:1").toHex() + "\",\"address\":\"127.0.0.1:2\"}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/ring/rpc/ping", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/api/v1/ring/rpc/neighbours", exchange -> {
            byte[] body = ("{\"predecessor\":null,\"successors\":[" + forged + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            // A generous read timeout: on a loaded machine the answer must not lose the race with it.
            RingPeer peer = RestRingTransport.create(RestClient.builder(), httpClient, Duration.ofSeconds(10))
                    .peer(NodeRef.of("127.0.0.1:" + server.getAddress().getPort()));

            assertThatThrownBy(peer::ping).isInstanceOf(PeerUnavailableException.class).hasMessageContaining("500");
            assertThatThrownBy(peer::neighbours).isInstanceOf(PeerUnavailableException.class)
                    .hasMessageContaining("invalid answer");
        } finally {
            server.stop(0);
        }
    }
}
