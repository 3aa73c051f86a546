package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.client.PutOptions;
import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SectorClientConfig;
import io.sectorsphere.client.TransferListener;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.common.location.FileLocation;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files across a four-node mini-cluster, each node a locator and a storage node, used through the
 * Java client as a user would: any node serves any file, the cluster keeps two copies of each by
 * itself, a crashed holder's copy is replaced, and a file dropped into a data directory by hand
 * joins the cluster. The nodes are shared by the tests; each test uses files of its own.
 */
class FilesAcrossNodesTest {

    private static final int NODES = 4;
    /** A crashed holder's records lapse after the record TTL (10 s), then the 1 s check asks for a copy. */
    private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROXY_RECOVERY_TIMEOUT = Duration.ofSeconds(15);

    private static MiniSectorCluster cluster;
    private static HttpClient http;

    @TempDir
    Path local;

    @BeforeAll
    static void startCluster() {
        cluster = MiniSectorCluster.start(NODES);
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Test
    void fileUploadedOnOneNodeIsFetchedByteIdenticalFromAnotherThroughARedirectAndThroughTheProxy() throws Exception {
        String name = "across/redirect-and-proxy.bin";
        byte[] content = randomBytes(1_500_000, 1);
        FileEntry stored = upload(0, name, content);
        assertThat(stored.checksum()).isEqualTo(checksum(content));
        awaitCopies(name);
        // Node 4 unless replication put the second copy there: then another node that holds none.
        int far = farNode(name);

        HttpResponse<byte[]> redirect = get(cluster.storage(far).fileUri(name));
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(cluster.nodesHolding(name).stream().map(i -> cluster.storageUrl(i) + "/api/v1/files/" + name))
                        .contains(location));

        try (SectorClient client = client(far)) {
            Path target = local.resolve("fetched.bin");
            FileMeta meta = client.get(name, target, false, TransferListener.NONE);
            assertThat(meta.checksum()).isEqualTo(checksum(content));
            assertThat(Files.readAllBytes(target)).isEqualTo(content);
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            client.get(name, streamed);
            assertThat(streamed.toByteArray()).isEqualTo(content);
        }

        HttpResponse<byte[]> proxied = get(URI.create(cluster.storage(far).fileUri(name) + "?proxy=true"));
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(content);
        assertThat(cluster.storage(far).holds(name)).as("node %d only passed the bytes on", far).isFalse();
    }

    @Test
    void fileUploadedOnceReachesTheMinimumReplicaCountByItself() throws Exception {
        String name = "across/replicated.txt";
        byte[] content = "one record\nanother record\n".repeat(1000).getBytes();
        upload(1, name, content);

        awaitCopies(name);

        List<Integer> holders = cluster.nodesHolding(name);
        assertThat(holders).hasSize(MiniSectorCluster.MIN_COPIES).contains(1);
        for (int holder : holders) {
            assertThat(get(URI.create(cluster.storage(holder).fileUri(name) + "?scope=local")).body())
                    .as("the copy on node %d", holder).isEqualTo(content);
        }
        FileLocation location = cluster.locate(3, name).orElseThrow();
        assertThat(location.checksum()).isEqualTo(checksum(content));
        assertThat(location.replicas()).hasSize(MiniSectorCluster.MIN_COPIES);
    }

    @Test
    void afterAHolderCrashesTheReplicaCountReturnsToTheMinimumAndDownloadsKeepWorking() throws Exception {
        String name = "across/survivor.bin";
        byte[] content = randomBytes(2_000_000, 3);
        upload(2, name, content);
        awaitCopies(name);
        List<Integer> holders = cluster.nodesHolding(name);
        int victim = holders.getLast();
        int survivor = holders.getFirst();
        int via = cluster.running().stream().filter(i -> i != victim && i != survivor).findFirst().orElseThrow();

        long crashed = System.nanoTime();
        cluster.kill(victim);
        try {
            // Right after the crash the ring still lists the dead copy (until its record lapses), node
            // `via` may still trust its last RTT measurement of the dead node, and the dead node's
            // locator may have owned the record, so a read can fail with 503 for a moment (Sector's
            // transient errors); within a few seconds the proxy serves it from the surviving holder.
            URI proxy = URI.create(cluster.storage(via).fileUri(name) + "?proxy=true");
            cluster.waitUntil("node " + via + " proxies " + name + " after node " + victim + " crashed",
                    () -> servesContent(proxy, content), PROXY_RECOVERY_TIMEOUT);
            assertThat(download(survivor, name)).as("from the survivor right after the crash").isEqualTo(content);

            cluster.waitUntil("a new copy of " + name + " replaces the one on crashed node " + victim, () ->
                    cluster.nodesHolding(name).size() >= MiniSectorCluster.MIN_COPIES
                            && cluster.liveReplicas(via, name).size() >= MiniSectorCluster.MIN_COPIES,
                    REPLICATION_TIMEOUT);
            System.out.printf("replica count of %s back to %d %.1f s after node %d crashed%n", name,
                    MiniSectorCluster.MIN_COPIES, (System.nanoTime() - crashed) / 1e9, victim);

            List<Integer> now = cluster.nodesHolding(name);
            assertThat(now).doesNotContain(victim).contains(survivor);
            int replacement = now.stream().filter(i -> i != survivor).findFirst().orElseThrow();
            assertThat(get(URI.create(cluster.storage(replacement).fileUri(name) + "?scope=local")).body())
                    .as("the new copy on node %d", replacement).isEqualTo(content);
            assertThat(download(via, name)).as("through a redirect once the copy is replaced").isEqualTo(content);
        } finally {
            cluster.restart(victim);
            cluster.waitForStableRing();
            cluster.waitForStorage();
        }
        assertThat(cluster.storage(victim).holds(name)).as("the crashed node's disk kept its copy").isTrue();
    }

    @Test
    void fileDroppedIntoADataDirectoryByHandIsLocatableAndFetchableAfterARescan() throws Exception {
        String name = "across/by-hand/notes.txt";
        byte[] content = "copied in with cp, not uploaded\n".repeat(500).getBytes();
        Path dataDir = cluster.dataDir(3);
        // Written beside the data directory and moved in, as a careful operator would; a rescan never sees half of it.
        Path outside = Files.write(dataDir.resolveSibling("notes.txt.partial"), content);
        Path inside = dataDir.resolve(name);
        Files.createDirectories(inside.getParent());
        Files.move(outside, inside, StandardCopyOption.ATOMIC_MOVE);

        cluster.waitUntil(name + " is located with its checksum after a rescan", () -> cluster.locate(0, name)
                .map(location -> checksum(content).equals(location.checksum())).orElse(false), Duration.ofSeconds(30));

        assertThat(download(0, name)).isEqualTo(content);
        assertThat(cluster.liveReplicas(0, name)).contains(3);
    }

    /** Uploads through node {@code via} with the Java client, as {@code sector put} does. */
    private FileEntry upload(int via, String name, byte[] content) throws Exception {
        Path source = Files.write(local.resolve("upload-" + Math.abs(name.hashCode())), content);
        try (SectorClient client = client(via)) {
            return client.put(name, source, PutOptions.DEFAULT, TransferListener.NONE);
        }
    }

    /** Downloads through node {@code via} with the Java client, which follows a redirect and checks the checksum. */
    private byte[] download(int via, String name) throws Exception {
        Path target = local.resolve("download-" + System.nanoTime());
        try (SectorClient client = client(via)) {
            client.get(name, target, false, TransferListener.NONE);
        }
        return Files.readAllBytes(target);
    }

    private static SectorClient client(int node) {
        return new SectorClient(new SectorClientConfig(URI.create(cluster.storageUrl(node)),
                URI.create(cluster.client(node).baseUrl()), cluster.token(), null, null));
    }

    private static void awaitCopies(String name) {
        cluster.waitUntil(name + " has " + MiniSectorCluster.MIN_COPIES + " copies", () ->
                cluster.nodesHolding(name).size() >= MiniSectorCluster.MIN_COPIES
                        && cluster.liveReplicas(cluster.running().getFirst(), name).size() >= MiniSectorCluster.MIN_COPIES,
                REPLICATION_TIMEOUT);
    }

    /** The last node if it holds no copy of {@code name}, else the highest-numbered node that holds none. */
    private static int farNode(String name) {
        List<Integer> holders = cluster.nodesHolding(name);
        return cluster.running().reversed().stream().filter(i -> !holders.contains(i)).findFirst().orElseThrow();
    }

    /** One request, redirects not followed. */
    private static boolean servesContent(URI uri, byte[] content) {
        try {
            HttpResponse<byte[]> response = get(uri);
            return response.statusCode() == 200 && Arrays.equals(response.body(), content);
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String checksum(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
