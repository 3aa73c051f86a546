package io.sectorsphere.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sectorsphere.storage.StorageCluster;
import io.sectorsphere.transfer.server.FileArea;
import io.sectorsphere.transfer.server.FileRequestHandler;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.DataListener;
import io.sectorsphere.transfer.transport.TcpTransport;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replica copies read the file through the source's transfer agent when both sides can, else over HTTP. */
class AgentReplicationTest {

    private static final String SECRET = "the storage test cluster's secret!";

    @TempDir
    Path temp;

    @Test
    void aReplicaIsCopiedThroughTheSourcesAgentAndOverHttpWithoutOne() throws Exception {
        byte[] content = new byte[3 << 20];
        new Random(17).nextBytes(content);
        String checksum = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Path sourceData = temp.resolve("source");
        SimpleMeterRegistry agentMeters = new SimpleMeterRegistry();
        TcpTransport tcp = new TcpTransport(Duration.ofSeconds(2), Duration.ofSeconds(10));
        FileRequestHandler handler = new FileRequestHandler(new FileArea(sourceData),
                new TicketSigner(SECRET.getBytes(), Clock.systemUTC()), agentMeters);
        try (StorageCluster cluster = StorageCluster.start();
             DataListener agent = tcp.listen(new InetSocketAddress("127.0.0.1", 0), handler)) {
            StorageCluster.Node source = cluster.startNode(sourceData, Map.of(
                    "sector.storage.transfer.secret", SECRET,
                    "sector.storage.udt-address", "127.0.0.1:" + agent.localAddress().getPort()));
            StorageCluster.Node throughAgent = cluster.startNode(Map.of("sector.storage.transfer.secret", SECRET));
            StorageCluster.Node overHttp = cluster.startNode(Map.of());
            assertThat(source.put("/api/v1/files/copied.bin", content).statusCode()).isEqualTo(201);
            // As when the locator's replica check asks: the source's record is on the ring.
            cluster.waitUntil("the record of copied.bin",
                    () -> throughAgent.get("/api/v1/files/copied.bin/meta").statusCode() == 200);
            String request = "{\"name\":\"copied.bin\",\"source\":\"" + source.url() + "\",\"checksum\":\""
                    + checksum + "\"}";

            assertThat(throughAgent.post("/api/v1/replicas", request).statusCode()).isEqualTo(202);
            cluster.waitUntil("the copy through the agent", () -> throughAgent.holds("copied.bin"));
            double servedByAgent = agentMeters.counter("sector.transfer.requests", "op", "get", "status", "ok")
                    .count();
            assertThat(overHttp.post("/api/v1/replicas", request).statusCode()).isEqualTo(202);
            cluster.waitUntil("the copy over HTTP", () -> overHttp.holds("copied.bin"));

            assertThat(servedByAgent).isEqualTo(1);
            assertThat(agentMeters.counter("sector.transfer.requests", "op", "get", "status", "ok").count())
                    .as("the node without a secret read over HTTP").isEqualTo(1);
            assertThat(Files.readAllBytes(throughAgent.dataDir().resolve("copied.bin"))).isEqualTo(content);
            assertThat(Files.readAllBytes(overHttp.dataDir().resolve("copied.bin"))).isEqualTo(content);
        }
    }
}
