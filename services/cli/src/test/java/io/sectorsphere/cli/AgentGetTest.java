package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sectorsphere.localcluster.LocalCluster;
import io.sectorsphere.localcluster.LocalClusterSettings;
import io.sectorsphere.localcluster.NodeEndpoints;
import io.sectorsphere.transfer.transport.UdtAvailability;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sector get} from both replicas of a file at once through a local cluster's transfer agents. */
@Timeout(180)
class AgentGetTest {

    private static final String BASE = "127.0.0.140";
    private static final List<String> ADDRESSES = List.of("127.0.0.141", "127.0.0.142");
    private static final String NAME = "agents/big.bin";
    private static final byte[] CONTENT = new byte[6 << 20];

    @TempDir
    static Path directory;

    private static LocalCluster cluster;
    private static HttpClient http;

    @BeforeAll
    static void startClusterWithTwoReplicas() throws Exception {
        new Random(21).nextBytes(CONTENT);
        int locator = freePort();
        int storage = freePort();
        int agent = freePort();
        LocalClusterSettings settings = LocalClusterSettings.defaults().withNodes(2).withBaseAddress(BASE)
                .withLocatorPort(locator).withStoragePort(storage).withAgentPort(agent)
                .withStateDirectory(directory.resolve("state")).withDemoDataset(false)
                .withReadyTimeout(Duration.ofSeconds(120));
        cluster = LocalCluster.start(settings);
        http = HttpClient.newHttpClient();
        NodeEndpoints first = cluster.endpoints().get(0);
        NodeEndpoints second = cluster.endpoints().get(1);
        assertThat(send(HttpRequest.newBuilder(URI.create(first.storage() + "/api/v1/files/" + NAME))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(CONTENT))).statusCode()).isEqualTo(201);
        String body = "{\"name\":\"" + NAME + "\",\"source\":\"" + first.storage() + "\",\"checksum\":\"sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONTENT)) + "\"}";
        assertThat(send(HttpRequest.newBuilder(URI.create(second.storage() + "/api/v1/replicas"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)))
                .statusCode()).isEqualTo(202);
        awaitTwoAgents(first.storage());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Test
    void aFileWithTwoReplicasIsFetchedFromBothAgentsAndVerified() throws IOException {
        CliRunner cli = cli();

        assertThat(cli.run("get", NAME, "copy.bin")).as(cli::err).isZero();

        assertThat(Files.readAllBytes(directory.resolve("copy.bin"))).isEqualTo(CONTENT);
        assertThat(cli.out()).contains("from 2 agents").contains(ADDRESSES.get(0)).contains(ADDRESSES.get(1));
    }

    @Test
    void udtIsUsedWhenAskedFor() throws IOException {
        assumeTrue(UdtAvailability.probe("127.0.0.1"), "the UDT engine is not available in this build");
        CliRunner cli = cli();

        assertThat(cli.run("get", NAME, "udt.bin", "--transport", "udt")).as(cli::err).isZero();

        assertThat(Files.readAllBytes(directory.resolve("udt.bin"))).isEqualTo(CONTENT);
        assertThat(cli.out()).contains(" udt ");
    }

    @Test
    void aUdtWindowOfItsOwnIsUsedAndOneTooSmallIsAUsageError() throws IOException {
        assumeTrue(UdtAvailability.probe("127.0.0.1"), "the UDT engine is not available in this build");
        CliRunner cli = cli();

        assertThat(cli.run("get", NAME, "window.bin", "--transport", "udt", "--window", "64")).as(cli::err).isZero();
        assertThat(Files.readAllBytes(directory.resolve("window.bin"))).isEqualTo(CONTENT);

        CliRunner refused = cli();
        assertThat(refused.run("get", NAME, "tiny.bin", "--transport", "udt", "--window", "8")).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("at least 32 packets");
        assertThat(directory.resolve("tiny.bin")).doesNotExist();
    }

    @Test
    void aPartLeftByAnEarlierDownloadIsResumedThroughTheAgents() throws IOException {
        int kept = CONTENT.length / 3;
        Files.write(directory.resolve("resumed.bin.part"), Arrays.copyOf(CONTENT, kept));
        CliRunner cli = cli();

        assertThat(cli.run("get", NAME, "resumed.bin", "--transport", "tcp")).as(cli::err).isZero();

        assertThat(Files.readAllBytes(directory.resolve("resumed.bin"))).isEqualTo(CONTENT);
        assertThat(cli.out()).contains("resumed after");
        assertThat(directory.resolve("resumed.bin.part")).doesNotExist();
    }

    @Test
    void noResumeStartsOverEvenWithAPartThere() throws IOException {
        Files.write(directory.resolve("fresh.bin.part"), new byte[CONTENT.length / 3]);
        CliRunner cli = cli();

        assertThat(cli.run("get", NAME, "fresh.bin", "--transport", "tcp", "--no-resume")).as(cli::err).isZero();

        assertThat(Files.readAllBytes(directory.resolve("fresh.bin"))).isEqualTo(CONTENT);
        assertThat(cli.out()).doesNotContain("resumed after");
    }

    @Test
    void httpIsStillThereWhenAskedFor() throws IOException {
        CliRunner cli = cli();

        assertThat(cli.run("get", NAME, "http.bin", "--transport", "http")).as(cli::err).isZero();

        assertThat(Files.readAllBytes(directory.resolve("http.bin"))).isEqualTo(CONTENT);
        assertThat(cli.out()).doesNotContain("from 2 agents");
    }

    private static CliRunner cli() {
        NodeEndpoints first = cluster.endpoints().get(0);
        return new CliRunner(directory).variable("SECTOR_ENDPOINT", first.storage())
                .variable("SECTOR_LOCATOR", first.locator()).variable("SECTOR_TOKEN", cluster.token());
    }

    /** Until the ring knows both copies, so a ticket names both agents. */
    private static void awaitTwoAgents(String storage) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> grant = http.send(HttpRequest.newBuilder(
                    URI.create(storage + "/api/v1/tickets/" + NAME)).build(), HttpResponse.BodyHandlers.ofString());
            if (grant.statusCode() == 200 && ADDRESSES.stream().allMatch(grant.body()::contains)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second replica was never published");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + cluster.token()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ADDRESSES.get(0)))) {
            return socket.getLocalPort();
        }
    }
}
