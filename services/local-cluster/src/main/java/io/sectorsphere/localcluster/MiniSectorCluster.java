package io.sectorsphere.localcluster;

import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.PublishReceipt;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.common.ring.RingStatus;
import io.sectorsphere.common.security.AccessTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A test harness after Apache Ratis's {@code MiniRaftCluster}: N nodes in this JVM on
 * {@code 127.0.0.1} with ephemeral ports and short intervals, each a locator and (unless left out)
 * a storage node publishing to it with a temporary data directory; a test can kill and restart
 * nodes, and every node's ring state and files are dumped when a wait times out.
 *
 * <p>Nodes are numbered from 0. A node keeps its ports and data directory across {@link #restart},
 * so it comes back with the same ring id, holder address and files. Locators run with
 * {@code leave-on-shutdown=false}, so {@link #kill} is a crash: both services stop without handing
 * anything over or withdrawing anything; {@link #stop} lets the locator leave gracefully.
 *
 * <p>Writes need {@link #token()}, which every storage node accepts and every locator presents when
 * it asks for replica copies (at least {@value #MIN_COPIES} of every file, checked every second).
 *
 * <pre>{@code
 * MiniSectorCluster.runWithNewCluster(4, cluster -> {
 *     cluster.storage(0).put("a", bytes, cluster.token(), false);
 *     cluster.waitUntil("two copies", () -> cluster.nodesHolding("a").size() == 2, Duration.ofSeconds(30));
 *     cluster.kill(cluster.nodesHolding("a").getFirst());
 *     ...
 * });
 * }</pre>
 */
public final class MiniSectorCluster implements AutoCloseable {

    /** Ring intervals a few times shorter than the defaults, so tests converge quickly. */
    public static final Map<String, String> FAST_RING = Map.of(
            "sector.locator.ring.stabilize-interval", "200ms",
            "sector.locator.ring.check-predecessor-interval", "400ms",
            "sector.locator.ring.fix-fingers-interval", "1s",
            "sector.locator.ring.replicate-interval", "500ms",
            "sector.locator.ring.rpc-read-timeout", "1s",
            "sector.locator.ring.rpc-connect-timeout", "500ms");
    public static final int MIN_COPIES = 2;
    /** The locators' replica check, when the cluster has storage nodes. */
    public static final Map<String, String> FAST_REPLICATION = Map.of(
            "sector.locator.replication.min-copies", String.valueOf(MIN_COPIES),
            "sector.locator.replication.check-interval", "1s",
            "sector.locator.replication.request-timeout", "2s");
    /**
     * Storage intervals for tests. A crashed holder's records count as replicas until their
     * time-to-live runs out, so the record TTL bounds how soon a lost copy is replaced: 10 s
     * (refreshed every 3.3 s) keeps that short without records lapsing on a busy machine.
     */
    public static final Map<String, String> FAST_STORAGE = Map.of(
            "sector.storage.rescan-interval", "1s",
            "sector.storage.heartbeat-interval", "1s",
            "sector.storage.record-ttl", "10s",
            "sector.storage.peers.connect-timeout", "500ms",
            "sector.storage.peers.rtt-probe-timeout", "500ms");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Sphere workers for tests: two processing elements each, small child JVMs, and a lost worker
     * noticed within seconds.
     */
    public static final Map<String, String> FAST_SPHERE = Map.of(
            "sector.sphere.processing-elements", "2",
            "sector.sphere.elements.heap", "128MB",
            "sector.sphere.coordination.heartbeat", "1s",
            "sector.sphere.coordination.worker-lost-after", "3s",
            "sector.sphere.coordination.poll-interval", "100ms",
            "sector.sphere.speculation.min-runtime", "2s");

    private static final String HOST = "127.0.0.1";

    private final boolean withStorage;
    private final boolean withSphere;
    private final Map<String, String> sphereProperties;
    private final Map<String, String> locatorProperties;
    private final Map<String, String> storageProperties;
    private final String token = AccessTokens.newToken();
    private final Path root;
    private final HttpClient http = LocatorClient.newHttpClient();
    private final List<Slot> slots = new ArrayList<>();

    /** One node position: the ports and data directory it keeps, and the running services if any. */
    private static final class Slot {
        private int port;
        private int storagePort;
        private Path dataDir;
        private LocatorNode node;
        private LocatorClient client;
        private StorageNode storage;
        private StorageClient storageClient;
        private int spherePort;
        private SphereWorkerNode sphere;
    }

    /** How to build a cluster; {@link #start()} starts it. */
    public static final class Builder {
        private int nodes = 3;
        private boolean withStorage = true;
        private boolean withSphere;
        private final Map<String, String> sphereProperties = new HashMap<>();
        private final Map<String, String> locatorProperties = new HashMap<>();
        private final Map<String, String> storageProperties = new HashMap<>();

        private Builder() {
        }

        public Builder nodes(int count) {
            this.nodes = count;
            return this;
        }

        /** Locators only: for tests of the ring, which start faster without storage nodes. */
        public Builder withoutStorage() {
            this.withStorage = false;
            return this;
        }

        /** A Sphere worker on every node too, with {@link #FAST_SPHERE} and these settings over it. */
        public Builder withSphere(Map<String, String> properties) {
            this.withSphere = true;
            sphereProperties.putAll(properties);
            return this;
        }

        /** Settings for every locator, overriding {@link #FAST_RING} and {@link #FAST_REPLICATION}. */
        public Builder locatorProperties(Map<String, String> properties) {
            locatorProperties.putAll(properties);
            return this;
        }

        /** Settings for every storage node, overriding {@link #FAST_STORAGE}. */
        public Builder storageProperties(Map<String, String> properties) {
            storageProperties.putAll(properties);
            return this;
        }

        /** Starts the nodes and waits until they form one consistent ring and every storage node is ready. */
        public MiniSectorCluster start() {
            if (nodes < 1) {
                throw new IllegalArgumentException("a cluster has at least one node");
            }
            MiniSectorCluster cluster = new MiniSectorCluster(this);
            try {
                cluster.startAll();
                cluster.waitForStableRing();
                cluster.waitForStorage();
                cluster.waitForWorkers();
                return cluster;
            } catch (RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
        }
    }

    private MiniSectorCluster(Builder builder) {
        this.withStorage = builder.withStorage;
        this.withSphere = builder.withSphere && builder.withStorage;
        Map<String, String> sphere = new HashMap<>(FAST_SPHERE);
        sphere.put("sector.sphere.security.accounts[0].name", "test");
        sphere.put("sector.sphere.security.accounts[0].token-sha256", AccessTokens.sha256Hex(token));
        sphere.putAll(builder.sphereProperties);
        this.sphereProperties = Map.copyOf(sphere);
        Map<String, String> locator = new HashMap<>(FAST_RING);
        locator.put("sector.locator.leave-on-shutdown", "false");
        if (withStorage) {
            locator.putAll(FAST_REPLICATION);
            locator.put("sector.locator.replication.token", token);
        }
        locator.putAll(builder.locatorProperties);
        this.locatorProperties = Map.copyOf(locator);
        Map<String, String> storage = new HashMap<>(FAST_STORAGE);
        storage.put("sector.storage.security.write-allow", HOST + "/32");
        storage.put("sector.storage.security.accounts[0].name", "test");
        storage.put("sector.storage.security.accounts[0].token-sha256", AccessTokens.sha256Hex(token));
        storage.putAll(builder.storageProperties);
        this.storageProperties = Map.copyOf(storage);
        try {
            this.root = withStorage ? Files.createTempDirectory("mini-sector") : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directories", e);
        }
        for (int i = 0; i < builder.nodes; i++) {
            Slot slot = new Slot();
            slot.dataDir = withStorage ? root.resolve("node-" + i).resolve("data") : null;
            slots.add(slot);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts {@code size} nodes, each a locator and a storage node, and waits until they are ready. */
    public static MiniSectorCluster start(int size) {
        return builder().nodes(size).start();
    }

    /** @param properties settings for every locator, overriding {@link #FAST_RING} */
    public static MiniSectorCluster start(int size, Map<String, String> properties) {
        return builder().nodes(size).locatorProperties(properties).start();
    }

    /** A test body that gets a running cluster. */
    @FunctionalInterface
    public interface ClusterTest {
        void run(MiniSectorCluster cluster) throws Exception;
    }

    /** Runs {@code test} on a new cluster of {@code size} nodes, and always stops it afterwards. */
    public static void runWithNewCluster(int size, ClusterTest test) throws Exception {
        try (MiniSectorCluster cluster = start(size)) {
            test.run(cluster);
        }
    }

    /** Node 0 creates the ring, the others join through it one by one (no slower than at once on 2 cores). */
    private void startAll() {
        startNode(0, List.of());
        List<String> seed = List.of(ringAddress(0));
        for (int i = 1; i < size(); i++) {
            startNode(i, seed);
        }
    }

    /** The locator, then the storage node publishing to it; both on the ports the slot had before, if any. */
    private void startNode(int i, List<String> join) {
        Slot slot = slots.get(i);
        LocatorNode node = LocatorNode.start(HOST, slot.port, join, locatorProperties);
        synchronized (this) {
            slot.port = node.port();
            slot.node = node;
            slot.client = new LocatorClient(node.url(), http);
        }
        if (withStorage) {
            StorageNode storage = StorageNode.start(HOST, slot.storagePort, slot.dataDir, node.url(), storageProperties);
            synchronized (this) {
                slot.storagePort = storage.port();
                slot.storage = storage;
                slot.storageClient = new StorageClient(storage.url(), http);
            }
            if (withSphere) {
                SphereWorkerNode sphere = SphereWorkerNode.start(HOST, slot.spherePort, slot.dataDir,
                        slot.dataDir.resolveSibling("sphere-work"), storage.url(), node.url(), sphereProperties);
                synchronized (this) {
                    slot.spherePort = sphere.port();
                    slot.sphere = sphere;
                }
            }
        }
    }

    public int size() {
        return slots.size();
    }

    public boolean hasStorage() {
        return withStorage;
    }

    /** The bearer token every storage node accepts writes with. */
    public String token() {
        return token;
    }

    public synchronized boolean isRunning(int i) {
        return slots.get(i).node != null;
    }

    /** Indexes of the nodes currently running. */
    public synchronized List<Integer> running() {
        return IntStream.range(0, size()).filter(i -> slots.get(i).node != null).boxed().toList();
    }

    /** {@code 127.0.0.1:port}: the node's address on the ring, kept across restarts. */
    public synchronized String ringAddress(int i) {
        return HOST + ":" + slots.get(i).port;
    }

    /** The index of the node at {@code ringAddress}, if it is one of this cluster's. */
    public synchronized Optional<Integer> indexOf(String ringAddress) {
        return IntStream.range(0, size()).filter(i -> ringAddress(i).equals(ringAddress)).boxed().findFirst();
    }

    public synchronized LocatorClient client(int i) {
        Slot slot = slots.get(i);
        if (slot.client == null) {
            throw new IllegalStateException("node " + i + " is not running");
        }
        return slot.client;
    }

    /** {@code 127.0.0.1:port}: node {@code i}'s storage node as its location records name it, kept across restarts. */
    public synchronized String storageHolder(int i) {
        requireStorage();
        return HOST + ":" + slots.get(i).storagePort;
    }

    /** The base URL of node {@code i}'s storage node. */
    public String storageUrl(int i) {
        return "http://" + storageHolder(i);
    }

    /** The index of the node whose storage node is {@code holder}, if it is one of this cluster's. */
    public synchronized Optional<Integer> indexOfHolder(String holder) {
        requireStorage();
        return IntStream.range(0, size()).filter(i -> storageHolder(i).equals(holder)).boxed().findFirst();
    }

    public synchronized StorageClient storage(int i) {
        requireStorage();
        Slot slot = slots.get(i);
        if (slot.storageClient == null) {
            throw new IllegalStateException("node " + i + " is not running");
        }
        return slot.storageClient;
    }

    /** Node {@code i}'s data directory, which a test may change by hand; it outlives a crash. */
    public Path dataDir(int i) {
        requireStorage();
        return slots.get(i).dataDir;
    }

    /** The base URL of node {@code i}'s Sphere worker. */
    public synchronized String sphereUrl(int i) {
        if (!withSphere) {
            throw new IllegalStateException("this cluster was started without Sphere workers");
        }
        return "http://" + HOST + ":" + slots.get(i).spherePort;
    }

    /** Crashes node {@code i}'s Sphere worker only: its processing elements die with it. */
    public void killWorker(int i) {
        SphereWorkerNode sphere;
        synchronized (this) {
            sphere = slots.get(i).sphere;
            slots.get(i).sphere = null;
        }
        if (sphere == null) {
            throw new IllegalStateException("node " + i + " runs no Sphere worker");
        }
        sphere.close();
    }

    /** Waits until every running node's Sphere worker is in the worker registry (a no-op without workers). */
    public void waitForWorkers() {
        if (!withSphere) {
            return;
        }
        waitUntil("every running Sphere worker is registered", () -> {
            List<Integer> live = running();
            Set<String> registered = client(live.getFirst()).workers().stream()
                    .map(status -> status.httpAddress()).collect(Collectors.toSet());
            return live.stream().filter(i -> slots.get(i).sphere != null).allMatch(i -> registered.contains(sphereUrl(i)));
        }, DEFAULT_TIMEOUT);
    }

    private void requireStorage() {
        if (!withStorage) {
            throw new IllegalStateException("this cluster was started without storage nodes");
        }
    }

    /** Crashes node {@code i}: its services stop without handing over or withdrawing anything. */
    public void kill(int i) {
        Slot slot = take(i);
        try {
            if (slot.sphere != null) {
                slot.sphere.close();
            }
            if (slot.storage != null) {
                slot.storage.close();
            }
        } finally {
            slot.node.close();
        }
    }

    /** Stops node {@code i} gracefully: its locator hands its entries to its successor and tells its neighbours. */
    public void stop(int i) {
        Slot slot = take(i);
        try {
            if (slot.sphere != null) {
                slot.sphere.close();
            }
            if (slot.storage != null) {
                slot.storage.close();
            }
        } finally {
            slot.node.leaveAndClose();
        }
    }

    /** Marks node {@code i} as not running and returns a copy of the services it had. */
    private synchronized Slot take(int i) {
        Slot slot = slots.get(i);
        if (slot.node == null) {
            throw new IllegalStateException("node " + i + " is not running");
        }
        Slot taken = new Slot();
        taken.node = slot.node;
        taken.storage = slot.storage;
        taken.sphere = slot.sphere;
        slot.sphere = null;
        slot.node = null;
        slot.client = null;
        slot.storage = null;
        slot.storageClient = null;
        return taken;
    }

    /** Starts node {@code i} again on its old ports and data directory, joining through a running node. */
    public void restart(int i) {
        if (isRunning(i)) {
            throw new IllegalStateException("node " + i + " is running");
        }
        List<String> seeds = running().stream().map(this::ringAddress).toList();
        startNode(i, seeds.isEmpty() ? List.of() : List.of(seeds.getFirst()));
    }

    public PublishReceipt put(int via, String name, ReplicaUpdate location) {
        return client(via).put(name, location);
    }

    public Optional<FileLocation> locate(int via, String name) {
        return client(via).locate(name);
    }

    /** The running node that should own {@code name} once the ring is stable. */
    public String expectedOwner(String name) {
        return KeyOwnership.ownerOf(name, running().stream().map(this::ringAddress).toList());
    }

    /** The running nodes whose storage node has {@code name} in its own index, in index order. */
    public List<Integer> nodesHolding(String name) {
        return running().stream().filter(i -> storage(i).holds(name)).toList();
    }

    /**
     * The running nodes among the holders the ring lists for {@code name}, asked through node
     * {@code via}; a crashed holder stays listed until its record lapses, and is left out here.
     */
    public List<Integer> liveReplicas(int via, String name) {
        List<Integer> live = running();
        return locate(via, name).map(FileLocation::replicas).orElse(List.of()).stream()
                .map(Replica::holder).map(this::indexOfHolder).flatMap(Optional::stream)
                .filter(live::contains).sorted().toList();
    }

    /** Waits until {@code condition} holds; on timeout throws with a dump of every node's state. */
    public void waitUntil(String description, BooleanSupplier condition, Duration timeout) {
        Await.until(description, condition, timeout, this::dump);
    }

    /** Waits until the running nodes form one consistent ring and all report ready. */
    public void waitForStableRing() {
        waitForStableRing(DEFAULT_TIMEOUT);
    }

    public void waitForStableRing(Duration timeout) {
        Set<String> expected = new LinkedHashSet<>(running().stream().map(this::ringAddress).toList());
        waitUntil("nodes " + expected + " form one consistent ring",
                () -> RingConsistency.problems(expected, ringStates()).isEmpty()
                        && running().stream().allMatch(i -> client(i).isReady()),
                timeout);
    }

    /** Waits until every running storage node is ready and in the node registry (a no-op without storage). */
    public void waitForStorage() {
        if (!withStorage) {
            return;
        }
        waitUntil("every running storage node is ready and registered", () -> {
            List<Integer> live = running();
            Set<String> registered = client(live.getFirst()).nodes().stream()
                    .map(status -> status.address()).collect(Collectors.toSet());
            return live.stream().allMatch(i -> storage(i).isReady() && registered.contains(storageHolder(i)));
        }, DEFAULT_TIMEOUT);
    }

    /** Every running node's ring state, by ring address; nodes that do not answer are left out. */
    public Map<String, RingStatus> ringStates() {
        Map<String, RingStatus> states = new LinkedHashMap<>();
        for (int i : running()) {
            try {
                states.put(ringAddress(i), client(i).ring());
            } catch (RuntimeException e) {
                // Left out: reported as not answering.
            }
        }
        return states;
    }

    /** Every node's state, one block per node (ring, replica check, files), for failure messages. */
    public String dump() {
        StringBuilder out = new StringBuilder("cluster state:");
        for (int i = 0; i < size(); i++) {
            out.append("\n  node ").append(i).append(" at ").append(ringAddress(i));
            if (withStorage) {
                out.append(", storage ").append(storageHolder(i));
            }
            out.append(": ");
            if (!isRunning(i)) {
                out.append("not running");
                continue;
            }
            int node = i;
            out.append(answer(() -> client(node).ring().toString()));
            if (withStorage) {
                out.append("\n    replication: ").append(answer(() -> client(node).replication().toString()));
                out.append("\n    files: ").append(answer(() -> storage(node).localFiles().files().stream()
                        .map(MiniSectorCluster::describe).collect(Collectors.joining(", ", "[", "]"))));
            }
        }
        if (withStorage && !running().isEmpty()) {
            out.append("\n  node registry: ").append(answer(() -> client(running().getFirst()).nodes().toString()));
        }
        return out.toString();
    }

    private static String describe(FileEntry file) {
        String checksum = file.checksum() == null ? "not hashed yet"
                : file.checksum().substring(0, Math.min(15, file.checksum().length())) + "...";
        return file.name() + " (" + file.size() + " B, " + checksum + ")";
    }

    private static String answer(Supplier<String> question) {
        try {
            return question.get();
        } catch (RuntimeException e) {
            return "no answer: " + e;
        }
    }

    /** Stops every node and removes the data directories. */
    @Override
    public void close() {
        for (int i = 0; i < size(); i++) {
            if (isRunning(i)) {
                kill(i);
            }
        }
        http.close();
        if (root != null) {
            try (Stream<Path> tree = Files.walk(root)) {
                tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary directory left behind; nothing a test can do about it.
            }
        }
    }
}
