package io.sectorsphere.localcluster;

import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.common.security.AccessTokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Whole nodes as processes — locator, storage node and Sphere worker in one JVM each — started in
 * turn on loopback with the mini-cluster's short intervals, for tests that kill or freeze a node.
 */
final class ProcessCluster implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(90);

    private final List<NodeProcess> nodes = new ArrayList<>();
    private final HttpClient http = LocatorClient.newHttpClient();
    private final String token;

    private ProcessCluster(String token) {
        this.token = token;
    }

    /** Starts {@code size} nodes one after another and waits until ring, storage nodes and workers are ready. */
    static ProcessCluster start(int size, Path directory, String token, Map<String, String> sphereProperties)
            throws IOException {
        ProcessCluster cluster = new ProcessCluster(token);
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
        Set<Integer> ports = new LinkedHashSet<>();
        for (int attempt = 0; ports.size() < 3 * size && attempt < 30 * size; attempt++) {
            ports.add(ProcessTests.freePort(HOST));
        }
        List<Integer> free = List.copyOf(ports);
        for (int i = 0; i < size; i++) {
            cluster.nodes.add(new NodeProcess(i, free.get(3 * i), free.get(3 * i + 1), free.get(3 * i + 2),
                    directory.resolve("node-" + i).resolve("data"), logs, cluster.http));
        }
        try {
            Map<String, String> properties = cluster.properties(sphereProperties);
            for (NodeProcess node : cluster.nodes) {
                List<String> seeds = cluster.live().stream().map(NodeProcess::ringAddress).limit(2).toList();
                node.start(seeds, properties, Map.of("SECTOR_LOCATOR_REPLICATION_TOKEN", token));
                Await.until(node + " is ready", () -> {
                    if (!node.isAlive()) {
                        throw new IllegalStateException(node + " exited:\n" + node.logTail(40));
                    }
                    return node.isReady();
                }, START_TIMEOUT, cluster::dump);
            }
            cluster.awaitReady();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private Map<String, String> properties(Map<String, String> sphereProperties) {
        Map<String, String> properties = new HashMap<>(MiniSectorCluster.FAST_RING);
        properties.putAll(MiniSectorCluster.FAST_REPLICATION);
        properties.putAll(MiniSectorCluster.FAST_STORAGE);
        properties.put("sector.locator.leave-on-shutdown", "false");
        properties.put("sector.storage.security.write-allow", HOST + "/32");
        properties.put("sector.storage.security.accounts[0].name", "e2e");
        properties.put("sector.storage.security.accounts[0].token-sha256", AccessTokens.sha256Hex(token));
        properties.putAll(sphereProperties);
        return properties;
    }

    private void awaitReady() {
        Set<String> expected = live().stream().map(NodeProcess::ringAddress).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> holders = live().stream().map(NodeProcess::holder).collect(Collectors.toSet());
        Set<String> workers = live().stream().map(NodeProcess::sphereUrl).collect(Collectors.toSet());
        waitUntil("one consistent ring, every storage node and worker registered",
                () -> RingConsistency.problems(expected, ringStates()).isEmpty()
                        && nodes.getFirst().locator().nodes().stream().map(NodeStatus::address)
                        .collect(Collectors.toSet()).containsAll(holders)
                        && nodes.getFirst().locator().workers().stream().map(WorkerStatus::httpAddress)
                        .collect(Collectors.toSet()).containsAll(workers),
                CLUSTER_TIMEOUT);
    }

    /** Waits until each file has the minimum of copies listed by the ring. */
    void awaitCopies(List<String> names) {
        waitUntil("every input has " + MiniSectorCluster.MIN_COPIES + " copies", () -> names.stream().allMatch(name ->
                live().getFirst().locator().locate(name).map(location -> location.replicas().stream()
                        .map(Replica::holder).distinct().count()).orElse(0L) >= MiniSectorCluster.MIN_COPIES),
                CLUSTER_TIMEOUT);
    }

    NodeProcess node(int i) {
        return nodes.get(i);
    }

    List<NodeProcess> live() {
        return nodes.stream().filter(NodeProcess::isAlive).toList();
    }

    void waitUntil(String description, BooleanSupplier condition, Duration timeout) {
        Await.until(description, () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        }, timeout, this::dump);
    }

    private Map<String, io.sectorsphere.common.ring.RingStatus> ringStates() {
        Map<String, io.sectorsphere.common.ring.RingStatus> states = new java.util.LinkedHashMap<>();
        for (NodeProcess node : live()) {
            try {
                states.put(node.ringAddress(), node.locator().ring());
            } catch (RuntimeException e) {
                // left out: not answering
            }
        }
        return states;
    }

    String dump() {
        StringBuilder out = new StringBuilder("node processes:");
        for (NodeProcess node : nodes) {
            out.append("\n  ").append(node).append("\n    log: ").append(node.logTail(15).replace("\n", "\n    "));
        }
        return out.toString();
    }

    @Override
    public void close() {
        nodes.forEach(NodeProcess::destroy);
        http.close();
    }
}
