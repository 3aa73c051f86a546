package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.client.PutOptions;
import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SectorClientConfig;
import io.sectorsphere.client.TransferListener;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.ring.RingStatus;
import io.sectorsphere.common.security.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real processes: three nodes, each one JVM running its locator and its storage
 * node, a file uploaded through the Java client, and a holder killed with SIGKILL. What the in-JVM
 * harness cannot show: a crash that runs no shutdown code at all, in any service of the node.
 */
class NodeProcessesIT {

    private static final int NODES = 3;
    private static final String HOST = "127.0.0.1";
    private static final String NAME = "e2e/kept-alive.bin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(60);

    private final String token = AccessTokens.newToken();
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final long began = System.nanoTime();
    private HttpClient http;

    @TempDir
    Path temp;

    @BeforeEach
    void createNodes() throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
        http = LocatorClient.newHttpClient();
        Set<Integer> ports = new LinkedHashSet<>();
        for (int attempt = 0; ports.size() < 2 * NODES && attempt < 20 * NODES; attempt++) {
            ports.add(ProcessTests.freePort(HOST));
        }
        List<Integer> free = List.copyOf(ports);
        assertThat(free).hasSize(2 * NODES);
        for (int i = 0; i < NODES; i++) {
            nodes.add(new NodeProcess(i, free.get(2 * i), free.get(2 * i + 1), temp.resolve("node-" + i).resolve("data"),
                    logs, http));
        }
    }

    @AfterEach
    void destroyAll() {
        nodes.forEach(NodeProcess::destroy);
        http.close();
    }

    @Test
    void replicaCountRecoversAfterAHolderProcessIsKilled() throws Exception {
        ProcessTests.runReporting(this::scenario, nodes, this::dump);
    }

    private void scenario() throws IOException {
        startInTurn();
        awaitCluster();
        ProcessTests.progress(began, NODES + " node processes form one ring, every storage node registered");

        byte[] content = new byte[1_000_000];
        new Random(1122).nextBytes(content);
        Path source = Files.write(temp.resolve("source.bin"), content);
        try (SectorClient client = client(nodes.getFirst())) {
            client.put(NAME, source, PutOptions.DEFAULT, TransferListener.NONE);
        }
        awaitCopies("the upload has " + MiniSectorCluster.MIN_COPIES + " copies");
        List<NodeProcess> holders = holders();
        ProcessTests.progress(began, "uploaded through node 0; copies on " + holders);

        NodeProcess victim = holders.getLast();
        long killed = System.nanoTime();
        victim.kill();
        assertThat(victim.isAlive()).isFalse();
        ProcessTests.progress(began, "killed " + victim);

        awaitCopies("a new copy replaces the one on the killed " + victim);
        ProcessTests.progress(began,
                String.format("copies on %s, %.1f s after the kill", holders(), (System.nanoTime() - killed) / 1e9));
        assertThat(holders()).doesNotContain(victim).hasSize(MiniSectorCluster.MIN_COPIES);

        for (NodeProcess via : live()) {
            Path target = temp.resolve("fetched-" + via.index());
            try (SectorClient client = client(via)) {
                client.get(NAME, target, false, TransferListener.NONE);
            }
            assertThat(Files.readAllBytes(target)).as("fetched through " + via).isEqualTo(content);
        }
        assertThat(victim.dataDir().resolve(NAME)).as("the killed node's disk keeps its copy").exists();
        ProcessTests.progress(began, "fetched byte-identical through every live node");
    }

    /** Starts the processes one after another: on two cores JVMs that start together take longer. */
    private void startInTurn() {
        for (NodeProcess node : nodes) {
            List<String> seeds = live().stream().map(NodeProcess::ringAddress).limit(2).toList();
            node.start(seeds, properties(), Map.of("SECTOR_LOCATOR_REPLICATION_TOKEN", token));
            Await.until(node + " is ready", () -> {
                if (!node.isAlive()) {
                    throw new IllegalStateException(node + " exited");
                }
                return node.isReady();
            }, START_TIMEOUT, this::dump);
            ProcessTests.progress(began, node + " ready");
        }
    }

    /** The mini-cluster's short intervals; the storage nodes know the token by its SHA-256 only. */
    private Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(MiniSectorCluster.FAST_RING);
        properties.putAll(MiniSectorCluster.FAST_REPLICATION);
        properties.putAll(MiniSectorCluster.FAST_STORAGE);
        properties.put("sector.locator.leave-on-shutdown", "false");
        properties.put("sector.storage.security.write-allow", HOST + "/32");
        properties.put("sector.storage.security.accounts[0].name", "e2e");
        properties.put("sector.storage.security.accounts[0].token-sha256", AccessTokens.sha256Hex(token));
        return properties;
    }

    private void awaitCluster() {
        Set<String> expected = live().stream().map(NodeProcess::ringAddress).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> holders = live().stream().map(NodeProcess::holder).collect(Collectors.toSet());
        Await.until("the nodes form one consistent ring and every storage node is registered",
                () -> RingConsistency.problems(expected, ringStates()).isEmpty()
                        && nodes.getFirst().locator().nodes().stream().map(NodeStatus::address)
                        .collect(Collectors.toSet()).containsAll(holders),
                CLUSTER_TIMEOUT, () -> String.join("\n", RingConsistency.problems(expected, ringStates())) + "\n" + dump());
    }

    /** At least the minimum of copies on live nodes' disks, and as many live holders listed by the ring. */
    private void awaitCopies(String description) {
        Await.until(description, () -> holders().size() >= MiniSectorCluster.MIN_COPIES
                && locatedLiveHolders() >= MiniSectorCluster.MIN_COPIES, CLUSTER_TIMEOUT, this::dump);
    }

    private List<NodeProcess> holders() {
        return live().stream().filter(node -> node.storage().holds(NAME)).toList();
    }

    private long locatedLiveHolders() {
        Set<String> live = live().stream().map(NodeProcess::holder).collect(Collectors.toSet());
        return live().getFirst().locator().locate(NAME).map(location -> location.replicas().stream()
                .map(Replica::holder).filter(live::contains).count()).orElse(0L);
    }

    private SectorClient client(NodeProcess node) {
        return new SectorClient(new SectorClientConfig(URI.create(node.storage().baseUrl()),
                URI.create(node.locator().baseUrl()), token, null, null));
    }

    private List<NodeProcess> live() {
        return nodes.stream().filter(NodeProcess::isAlive).toList();
    }

    private Map<String, RingStatus> ringStates() {
        return ProcessTests.ringStates(live(), NodeProcess::ringAddress, node -> node.locator().ring());
    }

    private String dump() {
        return ProcessTests.dump(nodes, (node, out) -> out.append(node.locator().ring())
                .append("\n    replication: ").append(node.locator().replication())
                .append("\n    files: ").append(node.storage().localFiles().files()));
    }
}
