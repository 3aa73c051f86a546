package io.sectorsphere.localcluster;

import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.common.ring.RingStatus;
import io.sectorsphere.common.security.AccessTokens;
import io.sectorsphere.localcluster.DemoDataset.DemoFile;
import io.sectorsphere.localcluster.LocalClusterException.Reason;
import java.io.IOException;
import java.net.BindException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.PortInUseException;

/**
 * N nodes on loopback in this JVM, each with its own address and the standard ports, every
 * service of a node (a locator and a storage node) a separate application context. One JVM because
 * contexts in a warm JVM start in a fraction of the time separate JVMs take on a small machine.
 *
 * <p>Local mode is a cluster one person owns: writes are allowed from loopback with a token
 * generated for this run, which the storage nodes know only by its SHA-256 and the locators present
 * when they ask for replica copies; the replica check runs every {@value #REPLICATION_CHECK_SECONDS}
 * s and location records live {@value #RECORD_TTL_SECONDS} s. Data directories ({@code node-k/data} in the state directory) are kept across runs, like disks.
 *
 * <p>{@link #start} returns once the nodes form one consistent ring, every storage node is ready and
 * registered, the demo dataset is loaded and {@code cluster.json} is written. A JVM shutdown hook
 * closes the cluster on Ctrl-C or SIGTERM, also while it is starting.
 */
public final class LocalCluster implements AutoCloseable {

    static final int REPLICATION_CHECK_SECONDS = 10;
    static final int MIN_COPIES = 2;
    static final int RECORD_TTL_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);

    /** A started service and how to name it in messages. */
    private record Running(String url, AutoCloseable service) {
    }

    private final LocalClusterSettings settings;
    private final Consumer<String> events;
    private final HttpClient http = LocatorClient.newHttpClient();
    private final String token = AccessTokens.newToken();
    /** Signs the read tickets storage nodes grant and their transfer agents check; never leaves this JVM. */
    private final String transferSecret = AccessTokens.newToken();
    private final long deadline;
    /** In start order; guarded by {@code this} since the shutdown hook may close while starting. */
    private final List<Running> services = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "local-cluster-shutdown");
    private boolean closed;
    private Path descriptor;

    private LocalCluster(LocalClusterSettings settings, Consumer<String> events) {
        this.settings = settings;
        this.events = events;
        this.deadline = System.nanoTime() + settings.readyTimeout().toNanos();
    }

    /**
     * Starts the nodes (node 1 creates the ring, the others join it), waits until the cluster is
     * ready, loads the demo dataset and writes {@code cluster.json}.
     *
     * @throws LocalClusterException if a service cannot start or the cluster is not ready in time;
     *     whatever had started is stopped again
     */
    public static LocalCluster start(LocalClusterSettings settings) {
        return start(settings, event -> { });
    }

    /**
     * Like {@link #start(LocalClusterSettings)}, telling {@code events} in one line each when a node
     * has started, the write token, the demo dataset with commands to try, and when the cluster
     * stops, for a person watching.
     */
    public static LocalCluster start(LocalClusterSettings settings, Consumer<String> events) {
        LocalCluster cluster = new LocalCluster(settings, events);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.startNodes();
            cluster.awaitConsistentRing();
            cluster.awaitStorage();
            cluster.awaitWorkers();
            List<DemoDataset.Outcome> demo = settings.demoDataset() ? cluster.loadDemoDataset() : List.of();
            cluster.writeDescriptor();
            cluster.announce(demo);
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
            endpoints.add(new NodeEndpoints(k, address, "http://" + address + ":" + settings.locatorPort(),
                    "http://" + address + ":" + settings.storagePort(), "http://" + address + ":" + settings.spherePort()));
        }
        return endpoints;
    }

    /** This run's write token: the bearer token storage nodes accept writes with. */
    public String token() {
        return token;
    }

    /** The {@code cluster.json} written once the cluster was ready. */
    public Path descriptor() {
        return descriptor;
    }

    /**
     * Node 1 creates the ring, then the others join it one after another, each node's locator first
     * and its storage node next. Measured on 2 cores, starting the joiners concurrently was no faster
     * (7-8.5 s either way for 4 locators): context start-up is CPU-bound, so the simpler order wins.
     * The calling thread starts every context: virtual threads deadlocked in the nested jar.
     */
    private void startNodes() {
        String seed = settings.nodeAddress(1) + ":" + settings.locatorPort();
        for (int k = 1; k <= settings.nodes(); k++) {
            String address = settings.nodeAddress(k);
            Path dataDir = settings.dataDirectory(k);
            List<String> join = k == 1 ? List.of() : List.of(seed);
            Running locator = startService(address + ":" + settings.locatorPort(), () -> {
                LocatorNode node = LocatorNode.start(address, settings.locatorPort(), join, locatorProperties());
                return new Running(node.url(), node);
            });
            Running storage = startService(address + ":" + settings.storagePort(), () -> {
                StorageNode node = StorageNode.start(address, settings.storagePort(), dataDir,
                        locator.url(), storageProperties(address));
                return new Running(node.url(), node);
            });
            Running agent = startService(address + ":" + settings.agentPort(), () -> {
                TransferAgentNode node = TransferAgentNode.start(address, settings.agentPort(),
                        settings.agentDataPort(), dataDir, transferSecret, settings.nodeProperties());
                return new Running(node.url(), node);
            });
            Running worker = startService(address + ":" + settings.spherePort(), () -> {
                SphereWorkerNode node = SphereWorkerNode.start(address, settings.spherePort(), dataDir,
                        dataDir.resolveSibling("sphere-work"), storage.url(), locator.url(), sphereProperties());
                return new Running(node.url(), node);
            });
            log.info("node {} started: locator {}, storage {}, transfer agent {}, sphere worker {}", k, locator.url(),
                    storage.url(), agent.url(), worker.url());
            events.accept("node " + k + " started: locator " + locator.url() + ", storage " + storage.url()
                    + ", transfer agent " + agent.url() + ", sphere worker " + worker.url());
        }
    }

    /** The locators ask for replica copies with this run's token, every few seconds. */
    private Map<String, String> locatorProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("sector.locator.replication.token", token);
        properties.put("sector.locator.replication.check-interval", REPLICATION_CHECK_SECONDS + "s");
        properties.put("sector.locator.replication.min-copies", String.valueOf(MIN_COPIES));
        properties.putAll(settings.nodeProperties());
        return properties;
    }

    /**
     * Writes from loopback with the token; the nodes are told its SHA-256 only. Records live a
     * minute rather than five: a crashed holder's copy counts until its record lapses, so this
     * bounds how soon a lost copy is replaced. Reads are granted as tickets for the transfer agents,
     * signed with this run's transfer secret, and the agent at {@code address} is published with each file.
     */
    private Map<String, String> storageProperties(String address) {
        Map<String, String> properties = new HashMap<>();
        properties.put("sector.storage.udt-address", address + ":" + settings.agentDataPort());
        properties.put("sector.storage.record-ttl", RECORD_TTL_SECONDS + "s");
        properties.put("sector.storage.security.write-allow", "127.0.0.0/8,::1/128");
        properties.put("sector.storage.security.accounts[0].name", "local");
        properties.put("sector.storage.security.accounts[0].token-sha256", AccessTokens.sha256Hex(token));
        properties.put("sector.storage.transfer.secret", transferSecret);
        properties.putAll(settings.nodeProperties());
        return properties;
    }

    /** Jobs need this run's token, as writes do; the workers write job output with it. */
    private Map<String, String> sphereProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("sector.sphere.security.accounts[0].name", "local");
        properties.put("sector.sphere.security.accounts[0].token-sha256", AccessTokens.sha256Hex(token));
        properties.put("sector.sphere.coordination.heartbeat", "2s");
        properties.putAll(settings.nodeProperties());
        return properties;
    }

    private Running startService(String where, Supplier<Running> start) {
        synchronized (this) {
            if (closed) {
                throw new LocalClusterException(Reason.START_FAILED, "the local cluster was stopped while starting", null);
            }
        }
        Running running;
        try {
            running = start.get();
        } catch (RuntimeException e) {
            throw startFailure(where, e);
        }
        synchronized (this) {
            if (!closed) {
                services.add(running);
                return running;
            }
        }
        stop(running);
        throw new LocalClusterException(Reason.START_FAILED, "the local cluster was stopped while starting", null);
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
        return new LocalClusterException(Reason.START_FAILED, "the service at " + where + " failed to start: "
                + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Map<String, LocatorClient> locators() {
        Map<String, LocatorClient> clients = new LinkedHashMap<>();
        for (NodeEndpoints node : endpoints()) {
            clients.put(node.address() + ":" + settings.locatorPort(), new LocatorClient(node.locator(), http));
        }
        return clients;
    }

    private List<StorageClient> storageNodes() {
        return endpoints().stream().map(node -> new StorageClient(node.storage(), http)).toList();
    }

    private void awaitConsistentRing() {
        Map<String, LocatorClient> clients = locators();
        Set<String> expected = new LinkedHashSet<>(clients.keySet());
        await("the " + expected.size() + " nodes form one consistent ring",
                () -> RingConsistency.problems(expected, states(clients)).isEmpty()
                        && clients.values().stream().allMatch(LocatorClient::isReady),
                () -> String.join("\n", RingConsistency.problems(expected, states(clients))));
    }

    /** Every storage node ready and in the node registry, so that replicas can be placed on any of them. */
    private void awaitStorage() {
        List<StorageClient> storage = storageNodes();
        Set<String> holders = endpoints().stream().map(node -> node.address() + ":" + settings.storagePort())
                .collect(Collectors.toSet());
        LocatorClient registry = locators().values().iterator().next();
        await("every storage node is ready and registered",
                () -> storage.stream().allMatch(StorageClient::isReady) && registered(registry).containsAll(holders),
                () -> "storage nodes not ready: " + storage.stream().filter(node -> !node.isReady()).toList()
                        + "; registered: " + registered(registry));
    }

    /** Every Sphere worker in the worker registry, so that a first job can use every node. */
    private void awaitWorkers() {
        Set<String> workers = endpoints().stream().map(NodeEndpoints::sphere).collect(Collectors.toSet());
        LocatorClient registry = locators().values().iterator().next();
        await("every Sphere worker is registered", () -> registeredWorkers(registry).containsAll(workers),
                () -> "registered workers: " + registeredWorkers(registry));
    }

    private static Set<String> registeredWorkers(LocatorClient registry) {
        try {
            return registry.workers().stream().map(WorkerStatus::httpAddress).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    private static Set<String> registered(LocatorClient registry) {
        try {
            return registry.nodes().stream().map(NodeStatus::address).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /** Loads the demo dataset through node 1 and waits until every node can locate it. */
    private List<DemoDataset.Outcome> loadDemoDataset() {
        List<DemoDataset.Outcome> outcomes;
        try {
            outcomes = DemoDataset.load(storageNodes().getFirst(), token);
        } catch (RuntimeException e) {
            throw new LocalClusterException(Reason.NOT_READY, "cannot load the demo dataset: " + e.getMessage(), e);
        }
        List<LocatorClient> locators = List.copyOf(locators().values());
        await("the demo dataset can be located from every node",
                () -> DemoDataset.files().stream().allMatch(file ->
                        locators.stream().allMatch(locator -> locator.locate(file.name()).isPresent())),
                () -> "demo files: " + DemoDataset.files().stream().map(DemoFile::name).toList());
        return outcomes;
    }

    private void await(String description, BooleanSupplier condition, Supplier<String> state) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        try {
            Await.until(description, condition, left, state);
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
        ClusterDescriptor written = new ClusterDescriptor(ProcessHandle.current().pid(), Instant.now(), token,
                endpoints());
        descriptor = written.writeTo(settings.stateDirectory());
    }

    /** The token, and with the demo dataset the commands that show it off, one event per line. */
    private void announce(List<DemoDataset.Outcome> demo) {
        events.accept("write token of this run (also in " + descriptor + "): " + token);
        if (demo.isEmpty()) {
            return;
        }
        List<DemoFile> files = DemoDataset.files();
        List<String> loaded = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            DemoFile file = files.get(i);
            String outcome = switch (demo.get(i)) {
                case UPLOADED -> "uploaded";
                case PRESENT -> "present";
                case DIFFERENT_CONTENT -> "present with other content, left as is";
            };
            loaded.add(file.name() + " (" + file.records() + " records, " + outcome + ")");
        }
        events.accept("demo dataset, each file with its .idx: " + String.join(", ", loaded));
        NodeEndpoints last = endpoints().getLast();
        String name = files.getFirst().name();
        // The sector command finds node 1 and the token in .sector/local/cluster.json by itself.
        boolean found = settings.stateDirectory().normalize().equals(LocalClusterSettings.DEFAULT_STATE_DIRECTORY);
        String sector = found ? "./sector" : "SECTOR_ENDPOINT=" + endpoints().getFirst().storage()
                + " SECTOR_TOKEN=$(jq -r .token " + descriptor + ") ./sector";
        events.accept("try:");
        events.accept("  " + sector + " locate " + name);
        events.accept("  " + sector + " get " + name + " -");
        events.accept("  " + sector + " put README.md docs/readme.md");
        events.accept("  curl -L " + last.storage() + "/api/v1/files/" + name
                + "   # node " + last.index() + " redirects to a holder");
        events.accept("  curl -L -H 'Accept: application/octet-stream' '" + last.storage() + "/api/v1/files/" + name
                + "/records?from=0&count=3'");
    }

    /**
     * Stops every service, most recently started first, letting each locator hand its entries over.
     * Removes {@code cluster.json}, which describes a running cluster only; the data directories stay.
     */
    @Override
    public void close() {
        List<Running> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(services.reversed());
            services.clear();
        }
        if (!toStop.isEmpty()) {
            events.accept("stopping " + toStop.size() + " services...");
        }
        toStop.forEach(LocalCluster::stop);
        deleteDescriptor();
        http.close();
        removeShutdownHook();
        log.info("local cluster stopped ({} services)", toStop.size());
        if (!toStop.isEmpty()) {
            events.accept("local cluster stopped");
        }
    }

    private static void stop(Running running) {
        try {
            running.service().close();
        } catch (Exception e) {
            log.warn("stopping {} failed: {}", running.url(), e.toString());
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
        return endpoints().stream().map(node -> node.locator() + " + " + node.storage())
                .collect(Collectors.joining(", ", "LocalCluster[", "]"));
    }
}
