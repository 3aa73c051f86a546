package io.sectorsphere.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sectorsphere.storage.StorageCluster;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.multisource.DownloadRequest;
import io.sectorsphere.transfer.multisource.MultiSourceDownload;
import io.sectorsphere.transfer.multisource.Source;
import io.sectorsphere.transfer.server.FileArea;
import io.sectorsphere.transfer.server.FileRequestHandler;
import io.sectorsphere.transfer.ticket.Ticket;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.DataListener;
import io.sectorsphere.transfer.transport.TcpTransport;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Read tickets granted by a storage node, checked and honoured by a transfer agent's request handler. */
class ReadGrantTest {

    private static final String SECRET = "the storage test cluster's secret!";

    private static StorageCluster cluster;
    private static StorageCluster.Node granting;
    private static StorageCluster.Node guarded;
    private static StorageCluster.Node plain;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        cluster = StorageCluster.start();
        granting = cluster.startNode(Map.of("sector.storage.transfer.secret", SECRET));
        guarded = cluster.startNode(Map.of("sector.storage.transfer.secret", SECRET,
                "sector.storage.security.read-requires-token", "true"));
        plain = cluster.startNode(Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aGrantedTicketReadsTheWholeFileThroughTheAgentProtocol() throws Exception {
        byte[] content = new byte[700_000];
        new Random(5).nextBytes(content);
        assertThat(granting.put("/api/v1/files/grant/data.bin", content).statusCode()).isEqualTo(201);

        JsonNode grant = granting.json("/api/v1/tickets/grant/data.bin");

        assertThat(grant.get("size").asLong()).isEqualTo(content.length);
        assertThat(grant.get("agents").get(0).asString()).isEqualTo("127.0.0.1:6301");
        Ticket ticket = new TicketSigner(SECRET.getBytes(), Clock.systemUTC())
                .verify(grant.get("ticket").asString(), TicketOperation.READ, "grant/data.bin", 0, content.length);
        assertThat(ticket.length()).isEqualTo(content.length);
        assertThat(download(grant)).isEqualTo(content);
    }

    @Test
    void readControlAppliesToTickets() {
        assertThat(guarded.put("/api/v1/files/guarded.bin", new byte[10]).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> anonymous = guarded.get("/api/v1/tickets/guarded.bin");
        HttpResponse<byte[]> withToken = guarded.send(guarded.request("/api/v1/tickets/guarded.bin")
                .header("Authorization", StorageCluster.BEARER).GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(withToken.statusCode()).isEqualTo(200);
    }

    @Test
    void withoutASecretOrAFileThereIsNoTicket() {
        HttpResponse<byte[]> unconfigured = plain.get("/api/v1/tickets/anything");
        HttpResponse<byte[]> missing = granting.get("/api/v1/tickets/no/such/file");

        assertThat(unconfigured.statusCode()).isEqualTo(503);
        assertThat(unconfigured.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    /** Serves the node's data directory as its agent would and downloads the file with the grant. */
    private byte[] download(JsonNode grant) throws Exception {
        TcpTransport tcp = new TcpTransport(Duration.ofSeconds(2), Duration.ofSeconds(10));
        TicketSigner agentSigner = new TicketSigner(SECRET.getBytes(), Clock.systemUTC());
        FileRequestHandler handler = new FileRequestHandler(new FileArea(granting.dataDir()), agentSigner,
                new SimpleMeterRegistry());
        Path target = temp.resolve("copy");
        try (DataListener agent = tcp.listen(new InetSocketAddress("127.0.0.1", 0), handler);
             ConnectionCache cache = new ConnectionCache(2, 2, Duration.ofMinutes(1), Clock.systemUTC())) {
            String sha256 = grant.get("checksum").asString().substring("sha256:".length());
            new MultiSourceDownload(new DataClient(cache), MultiSourceDownload.Settings.defaults()).download(
                    new DownloadRequest("grant/data.bin", grant.get("ticket").asString(), grant.get("size").asLong(),
                            sha256, java.util.List.of(new Source("node", tcp, agent.localAddress())),
                            Files.createDirectories(temp.resolve("staging")), verified -> Files.move(verified, target),
                            ByteRateLimiter.unlimited(), bytes -> { }));
        }
        return Files.readAllBytes(target);
    }
}
