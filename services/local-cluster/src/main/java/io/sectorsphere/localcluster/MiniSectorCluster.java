package io.sectorsphere.localcluster;

import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.PublishReceipt;
import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.common.ring.RingStatus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * A test harness after Apache Ratis's {@code MiniRaftCluster}: N locator nodes in this JVM on
 * {@code 127.0.0.1} with ephemeral ports and short ring intervals, that a test can kill and
 * restart, and whose every node's ring state is dumped when a wait times out.
 *
 * <p>Nodes are numbered from 0. A node keeps its port across {@link #restart}, so it comes back
 * with the same ring id. Nodes run with {@code leave-on-shutdown=false}, so {@link #kill} is a
 * crash: the node stops without handing anything over; {@link #stop} leaves gracefully.
 *
 * <pre>{@code
 * MiniSectorCluster.runWithNewCluster(5, cluster -> {
 *     cluster.put(0, "a", SampleLocations.of("a", "127.0.0.1"));
 *     cluster.kill(1);
 *     cluster.waitForStableRing();
 *     assertThat(cluster.locate(2, "a")).isPresent();
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
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final String HOST = "127.0.0.1";

    private final Map<String, String> properties;
    private final HttpClient http = LocatorClient.newHttpClient();
    private final List<Slot> slots = new ArrayList<>();

    /** One node position: the port it keeps, and the running node if any. */
    private static final class Slot {
        private int port;
        private LocatorNode node;
        private LocatorClient client;
    }

    private MiniSectorCluster(int size, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(FAST_RING);
        all.put("sector.locator.leave-on-shutdown", "false");
        all.putAll(properties);
        this.properties = Map.copyOf(all);
        for (int i = 0; i < size; i++) {
            slots.add(new Slot());
        }
    }

    /** Starts {@code size} nodes and waits until they form one consistent ring. */
    public static MiniSectorCluster start(int size) {
        return start(size, Map.of());
    }

    /** @param properties settings for every node, overriding {@link #FAST_RING} */
    public static MiniSectorCluster start(int size, Map<String, String> properties) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster has at least one node");
        }
        MiniSectorCluster cluster = new MiniSectorCluster(size, properties);
        try {
            cluster.startAll();
            cluster.waitForStableRing();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
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
        List<String> seed = List.of(slots.getFirst().node.ringAddress());
        for (int i = 1; i < size(); i++) {
            startNode(i, seed);
        }
    }

    private void startNode(int i, List<String> join) {
        Slot slot = slots.get(i);
        LocatorNode node = LocatorNode.start(HOST, slot.port, join, properties);
        synchronized (this) {
            slot.port = node.port();
            slot.node = node;
            slot.client = new LocatorClient(node.url(), http);
        }
    }

    public int size() {
        return slots.size();
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

    /** Crashes node {@code i}: its context closes without handing over its entries. */
    public void kill(int i) {
        take(i).close();
    }

    /** Stops node {@code i} gracefully: it hands its entries to its successor and tells its neighbours. */
    public void stop(int i) {
        take(i).leaveAndClose();
    }

    private synchronized LocatorNode take(int i) {
        Slot slot = slots.get(i);
        LocatorNode node = slot.node;
        if (node == null) {
            throw new IllegalStateException("node " + i + " is not running");
        }
        slot.node = null;
        slot.client = null;
        return node;
    }

    /** Starts node {@code i} again on its old port, joining through a running node. */
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

    /** Waits until {@code condition} holds; on timeout throws with a dump of every node's ring state. */
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

    /** Every node's state, one block per node, for failure messages. */
    public String dump() {
        StringBuilder out = new StringBuilder("cluster state:");
        for (int i = 0; i < size(); i++) {
            out.append("\n  node ").append(i).append(" at ").append(ringAddress(i)).append(": ");
            if (!isRunning(i)) {
                out.append("not running");
                continue;
            }
            try {
                out.append(client(i).ring());
            } catch (RuntimeException e) {
                out.append("no answer: ").append(e);
            }
        }
        return out.toString();
    }

    /** Stops every node. */
    @Override
    public void close() {
        for (int i = 0; i < size(); i++) {
            if (isRunning(i)) {
                kill(i);
            }
        }
        http.close();
    }
}
