package io.sectorsphere.localcluster;

import io.sectorsphere.localcluster.LocalClusterException.Reason;
import io.sectorsphere.common.ring.RingStatus;
import java.io.IOException;
import java.net.BindException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.PortInUseException;

/**
 * N nodes on loopback in this JVM, each with its own address and the standard ports, every
 * service of a node a separate application context. One JVM because contexts in a warm JVM start
 * in a fraction of the time separate JVMs take on a small machine.
 *
 * <p>{@link #start} returns once the nodes form one consistent ring and {@code cluster.json} is
 * written. A JVM shutdown hook closes the cluster on Ctrl-C or SIGTERM, also while it is starting.
 */
public final class LocalCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);

    private final LocalClusterSettings settings;
    private final Consumer<String> events;
    private final HttpClient http = LocatorClient.newHttpClient();
    /** In start order; guarded by {@code this} since the shutdown hook may close while starting. */
    private final List<LocatorNode> nodes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "local-cluster-shutdown");
    private boolean closed;
    private Path descriptor;

    private LocalCluster(LocalClusterSettings settings, Consumer<String> events) {
        this.settings = settings;
        this.events = events;
    }

    /**
     * Starts the nodes (node 1 creates the ring, the others join it), waits for a consistent ring
     * and writes {@code cluster.json}.
     *
     * @throws LocalClusterException if a node cannot start or the ring is not consistent in time;
     *     whatever had started is stopped again
     */
    public static LocalCluster start(LocalClusterSettings settings) {
        return start(settings, event -> { });
    }

    /**
     * Like {@link #start(LocalClusterSettings)}, telling {@code events} in one line each when a node
     * has started and when the cluster stops, for a person watching.
     */
    public static LocalCluster start(LocalClusterSettings settings, Consumer<String> events) {
        LocalCluster cluster = new LocalCluster(settings, events);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.startNodes();
            cluster.awaitConsistentRing();
            cluster.writeDescriptor();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public LocalClusterSettings settings() {
        return settings;
    }

    public List<NodeEndpoints> endpoints() {
        List<NodeEndpoints> endpoints = new ArrayList<>();
        for (int k = 1; k <= settings.nodes(); k++) {
            String address = settings.nodeAddress(k);
            endpoints.add(new NodeEndpoints(k, address, "http://" + address + ":" + settings.locatorPort()));
        }
        return endpoints;
    }

    /** The {@code cluster.json} written once the cluster was ready. */
    public Path descriptor() {
        return descriptor;
    }

    /**
     * Node 1 creates the ring, then the others join it one after another. Measured on 2 cores,
     * starting the joiners concurrently was no faster (7-8.5 s either way for 4 nodes): context
     * start-up is CPU-bound, so the simpler order wins.
     */
    private void startNodes() {
        String seed = settings.nodeAddress(1) + ":" + settings.locatorPort();
        startNode(1, List.of());
        for (int k = 2; k <= settings.nodes(); k++) {
            startNode(k, List.of(seed));
        }
    }

    private void startNode(int k, List<String> join) {
        synchronized (this) {
            if (closed) {
                throw new LocalClusterException(Reason.START_FAILED, "the local cluster was stopped while starting", null);
            }
        }
        String address = settings.nodeAddress(k);
        LocatorNode node;
        try {
            node = LocatorNode.start(address, settings.locatorPort(), join, settings.nodeProperties());
        } catch (RuntimeException e) {
            throw startFailure(address + ":" + settings.locatorPort(), e);
        }
        synchronized (this) {
            if (!closed) {
                nodes.add(node);
                log.info("node {} started at {}", k, node.url());
                events.accept("node " + k + " started at " + node.url());
                return;
            }
        }
        node.close();
    }

    private static LocalClusterException startFailure(String where, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PortInUseException
                    || (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use"))) {
                return new LocalClusterException(Reason.ADDRESS_IN_USE,
                        where + " is already in use (is another local cluster running?)", e);
            }
            if (cause instanceof BindException) {
                return new LocalClusterException(Reason.ADDRESS_UNAVAILABLE,
                        "cannot listen on " + where + ": " + cause.getMessage(), e);
            }
        }
        return new LocalClusterException(Reason.START_FAILED, "the node at " + where + " failed to start: " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void awaitConsistentRing() {
        Map<String, LocatorClient> clients = new LinkedHashMap<>();
        for (NodeEndpoints node : endpoints()) {
            clients.put(node.address() + ":" + settings.locatorPort(), new LocatorClient(node.locator(), http));
        }
        Set<String> expected = new LinkedHashSet<>(clients.keySet());
        try {
            Await.until("the " + expected.size() + " nodes form one consistent ring",
                    () -> RingConsistency.problems(expected, states(clients)).isEmpty()
                            && clients.values().stream().allMatch(LocatorClient::isReady),
                    settings.readyTimeout(),
                    () -> String.join("\n", RingConsistency.problems(expected, states(clients))));
        } catch (Await.ConditionTimeoutException e) {
            throw new LocalClusterException(Reason.NOT_READY, e.getMessage(), e);
        }
    }

    private static Map<String, RingStatus> states(Map<String, LocatorClient> clients) {
        Map<String, RingStatus> states = new LinkedHashMap<>();
        clients.forEach((address, client) -> {
            try {
                states.put(address, client.ring());
            } catch (RuntimeException e) {
                // Absent from the map: reported as "did not answer".
            }
        });
        return states;
    }

    private void writeDescriptor() {
        ClusterDescriptor written = new ClusterDescriptor(ProcessHandle.current().pid(), Instant.now(), endpoints());
        descriptor = written.writeTo(settings.stateDirectory());
    }

    /**
     * Stops every node, most recently started first, letting each hand its entries over. Removes
     * {@code cluster.json}, which describes a running cluster only; nothing else is deleted.
     */
    @Override
    public void close() {
        List<LocatorNode> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(nodes.reversed());
            nodes.clear();
        }
        if (!toStop.isEmpty()) {
            events.accept("stopping " + toStop.size() + " nodes...");
        }
        for (LocatorNode node : toStop) {
            try {
                node.close();
            } catch (RuntimeException e) {
                log.warn("stopping {} failed: {}", node.url(), e.toString());
            }
        }
        deleteDescriptor();
        http.close();
        removeShutdownHook();
        log.info("local cluster stopped ({} nodes)", toStop.size());
        if (!toStop.isEmpty()) {
            events.accept("local cluster stopped");
        }
    }

    private void deleteDescriptor() {
        if (descriptor == null) {
            return;
        }
        try {
            Files.deleteIfExists(descriptor);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", descriptor, e.toString());
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or about to and finds us closed.
        }
    }

    @Override
    public String toString() {
        return endpoints().stream().map(NodeEndpoints::locator).collect(Collectors.joining(", ", "LocalCluster[", "]"));
    }
}
