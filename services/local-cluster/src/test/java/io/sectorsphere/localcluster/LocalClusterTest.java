package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.ring.RingStatus;
import io.sectorsphere.localcluster.DemoDataset.DemoFile;
import io.sectorsphere.localcluster.LocalClusterException.Reason;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.TcpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LocalClusterTest {

    /** Away from the default 127.0.0.10 so a developer's running `sector local` does not interfere. */
    private static final String BASE = "127.0.0.120";
    private static final List<String> ADDRESSES = List.of("127.0.0.121", "127.0.0.122", "127.0.0.123");

    @TempDir
    Path state;

    @Test
    void eachNodeRunsALocatorAndAStorageNodeOnItsOwnAddressWithTheDemoDatasetLoaded() throws Exception {
        LocalClusterSettings settings = settings(3);
        List<String> events = new ArrayList<>();
        Path descriptor;
        try (LocalCluster cluster = LocalCluster.start(settings, events::add);
             HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            assertThat(cluster.endpoints()).extracting(NodeEndpoints::locator, NodeEndpoints::storage).containsExactly(
                    endpoints("127.0.0.121", settings), endpoints("127.0.0.122", settings),
                    endpoints("127.0.0.123", settings));
            Map<String, RingStatus> states = new LinkedHashMap<>();
            for (NodeEndpoints node : cluster.endpoints()) {
                states.put(node.address() + ":" + settings.locatorPort(), new LocatorClient(node.locator(), http).ring());
            }
            assertThat(RingConsistency.problems(new LinkedHashSet<>(states.keySet()), states)).isEmpty();

            descriptor = cluster.descriptor();
            assertThat(descriptor).isEqualTo(state.resolve("cluster.json"));
            ClusterDescriptor written = ClusterDescriptor.readFrom(descriptor);
            assertThat(written.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(written.nodes()).isEqualTo(cluster.endpoints());
            assertThat(written.token()).isEqualTo(cluster.token()).hasSize(43);
            assertThat(Files.getPosixFilePermissions(descriptor)).as("cluster.json holds the token")
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            assertThat(events).anySatisfy(event -> assertThat(event).contains("write token", cluster.token()))
                    .anySatisfy(event -> assertThat(event).contains("get demo/readings.csv -"));

            // Any node answers for every demo file, following a redirect to a holder if need be; the
            // record index was uploaded beside it on node 1.
            String first = cluster.endpoints().getFirst().storage();
            String last = cluster.endpoints().getLast().storage();
            for (DemoFile file : DemoDataset.files()) {
                assertThat(fetch(http, last + "/api/v1/files/" + file.name())).isEqualTo(file.content());
                assertThat(fetch(http, first + "/api/v1/files/" + file.indexName() + "?scope=local"))
                        .isEqualTo(file.index());
            }
            DemoFile readings = DemoDataset.files().getFirst();
            assertThat(ByteBuffer.wrap(readings.index()).getLong(readings.records() * Long.BYTES))
                    .isEqualTo(readings.content().length);
            HttpResponse<String> record = http.send(HttpRequest.newBuilder(URI.create(last + "/api/v1/files/"
                    + readings.name() + "/records?from=1&count=1")).header("Accept", "application/octet-stream").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(record.body()).isEqualTo(new String(readings.content(), StandardCharsets.UTF_8).lines()
                    .skip(1).findFirst().orElseThrow() + "\n");

            // Reads are granted as tickets that every holder's transfer agent honours on its data port.
            assertThat(readThroughAgents(http, last, readings)).isNotEmpty().allSatisfy(
                    content -> assertThat(content).isEqualTo(readings.content()));

            // Writes need the token; the nodes' own configuration and logs never hold it in clear.
            StorageClient node = new StorageClient(cluster.endpoints().get(1).storage(), http);
            assertThat(put(http, node, "mine/a.txt", null)).isEqualTo(403);
            assertThat(put(http, node, "mine/a.txt", "not-the-token")).isEqualTo(403);
            assertThat(node.holds("mine/a.txt")).isFalse();
            assertThat(put(http, node, "mine/a.txt", cluster.token())).isEqualTo(201);
            assertThat(filesContaining(cluster.token())).containsExactly(descriptor);
        }
        assertThat(descriptor).as("cluster.json describes a running cluster only").doesNotExist();
        assertThat(settings.dataDirectory(2).resolve("mine/a.txt")).as("data directories are kept").exists();
    }

    @Test
    void aSecondRunKeepsTheFilesFindsTheDemoDatasetPresentAndHasANewToken() throws Exception {
        LocalClusterSettings settings = settings(1);
        String firstToken;
        try (LocalCluster first = LocalCluster.start(settings)) {
            firstToken = first.token();
        }
        List<String> events = new ArrayList<>();
        try (LocalCluster second = LocalCluster.start(settings, events::add); HttpClient http = HttpClient.newHttpClient()) {
            assertThat(second.token()).isNotEqualTo(firstToken);
            assertThat(events).anySatisfy(event -> assertThat(event)
                    .contains("demo/readings.csv (400 records, present)").doesNotContain("uploaded"));
            StorageClient node = new StorageClient(second.endpoints().getFirst().storage(), http);
            assertThat(put(http, node, "mine/b.txt", firstToken)).as("last run's token").isEqualTo(403);
            assertThat(node.localFiles().files()).as("record indexes are listed with their files")
                    .hasSize(DemoDataset.files().size()).allMatch(FileEntry::indexed);
        }
    }

    @Test
    void aTakenPortIsReportedAsAddressInUse() throws Exception {
        LocalClusterSettings settings = settings(1);
        try (ServerSocket taken = new ServerSocket(settings.storagePort(), 1, InetAddress.getByName("127.0.0.121"))) {
            assertThatThrownBy(() -> LocalCluster.start(settings))
                    .isInstanceOfSatisfying(LocalClusterException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ADDRESS_IN_USE))
                    .hasMessageContaining("127.0.0.121:" + settings.storagePort() + " is already in use");
        }
        assertThat(Files.exists(state.resolve("cluster.json"))).isFalse();
    }

    /** The file as read from each holder's agent with a ticket granted by {@code storage}. */
    private static List<byte[]> readThroughAgents(HttpClient http, String storage, DemoFile file) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(storage + "/api/v1/tickets/"
                + file.name())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode grant = JsonMapper.builder().build().readTree(answer.body());
        List<byte[]> contents = new ArrayList<>();
        TcpTransport tcp = new TcpTransport(Duration.ofSeconds(2), Duration.ofSeconds(10));
        try (ConnectionCache cache = new ConnectionCache(1, 4, Duration.ofMinutes(1), Clock.systemUTC())) {
            for (JsonNode agent : grant.get("agents")) {
                String[] hostPort = agent.asString().split(":");
                Path copy = Files.createTempFile("agent-read", ".bin");
                try (FileChannel target = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                    new DataClient(cache).read(tcp, new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])),
                            grant.get("ticket").asString(), file.name(), 0, grant.get("size").asLong(), target, 0,
                            ByteRateLimiter.unlimited(), bytes -> { });
                }
                contents.add(Files.readAllBytes(copy));
                Files.delete(copy);
            }
        }
        return contents;
    }

    private LocalClusterSettings settings(int nodes) throws IOException {
        List<String> addresses = ADDRESSES.subList(0, nodes);
        int locatorPort = FreePorts.onAll(addresses);
        int storagePort = FreePorts.onAll(addresses);
        while (storagePort == locatorPort) {
            storagePort = FreePorts.onAll(addresses);
        }
        return LocalClusterSettings.defaults().withNodes(nodes).withBaseAddress(BASE)
                .withLocatorPort(locatorPort).withStoragePort(storagePort).withStateDirectory(state)
                .withReadyTimeout(Duration.ofSeconds(60));
    }

    private static org.assertj.core.groups.Tuple endpoints(String address, LocalClusterSettings settings) {
        return org.assertj.core.groups.Tuple.tuple("http://" + address + ":" + settings.locatorPort(),
                "http://" + address + ":" + settings.storagePort());
    }

    private static byte[] fetch(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static int put(HttpClient http, StorageClient node, String name, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.fileUri(name))
                .PUT(HttpRequest.BodyPublishers.ofString("hello\n"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every file under the state directory whose content contains {@code text}. */
    private List<Path> filesContaining(String text) throws IOException {
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }
}
