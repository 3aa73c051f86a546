package io.sectorsphere.localcluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How to lay out a local cluster.
 *
 * @param nodes how many nodes; node k (k = 1..nodes) gets the address {@code baseAddress + k}
 * @param baseAddress an IPv4 loopback address whose last octet is incremented per node
 *     ({@code 127.0.0.10} puts node 1 on {@code 127.0.0.11})
 * @param locatorPort the port every node's locator service listens on at its own address
 * @param storagePort the port every node's storage service listens on at its own address
 * @param agentPort the HTTP port of every node's transfer agent; its data port (TCP and UDP) is the next one
 * @param spherePort the port every node's Sphere worker listens on at its own address
 * @param stateDirectory where {@code cluster.json} and each node's data directory
 *     ({@code node-k/data}, kept across runs like a disk) go
 * @param readyTimeout how long to wait for a consistent ring, ready storage nodes and the demo
 *     dataset before giving up
 * @param demoDataset whether to load {@link DemoDataset} once the nodes are ready
 * @param nodeProperties further settings for every node's services (logging, intervals); they
 *     override the local cluster's own
 */
public record LocalClusterSettings(int nodes, String baseAddress, int locatorPort, int storagePort,
                                   int agentPort, int spherePort, Path stateDirectory, Duration readyTimeout, boolean demoDataset,
                                   Map<String, String> nodeProperties) {

    public static final int DEFAULT_NODES = 4;
    public static final String DEFAULT_BASE_ADDRESS = "127.0.0.10";
    public static final int DEFAULT_LOCATOR_PORT = 6100;
    public static final int DEFAULT_STORAGE_PORT = 6200;
    public static final int DEFAULT_AGENT_PORT = 6300;
    public static final int DEFAULT_SPHERE_PORT = 6400;
    public static final Path DEFAULT_STATE_DIRECTORY = Path.of(".sector", "local");
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

    public LocalClusterSettings {
        if (nodes < 1) {
            throw new IllegalArgumentException("a cluster has at least one node, not " + nodes);
        }
        int last = lastOctet(baseAddress);
        if (last + nodes > 254) {
            throw new IllegalArgumentException("not enough addresses after " + baseAddress + " for " + nodes + " nodes");
        }
        requirePort(locatorPort);
        requirePort(storagePort);
        if (locatorPort == storagePort) {
            throw new IllegalArgumentException("the locator and the storage service need ports of their own, not both "
                    + locatorPort);
        }
        requirePort(agentPort);
        requirePort(agentPort + 1);
        if (Set.of(locatorPort, storagePort).stream()
                .anyMatch(port -> port == agentPort || port == agentPort + 1)) {
            throw new IllegalArgumentException("the transfer agent's ports " + agentPort + " and " + (agentPort + 1)
                    + " must differ from the locator's and the storage service's");
        }
        requirePort(spherePort);
        if (Set.of(locatorPort, storagePort, agentPort, agentPort + 1).contains(spherePort)) {
            throw new IllegalArgumentException("the Sphere worker's port " + spherePort + " must differ from the other "
                    + "services' ports");
        }
        nodeProperties = Map.copyOf(nodeProperties);
    }

    public static LocalClusterSettings defaults() {
        return new LocalClusterSettings(DEFAULT_NODES, DEFAULT_BASE_ADDRESS, DEFAULT_LOCATOR_PORT, DEFAULT_STORAGE_PORT,
                DEFAULT_AGENT_PORT, DEFAULT_SPHERE_PORT, DEFAULT_STATE_DIRECTORY, DEFAULT_READY_TIMEOUT, true, Map.of());
    }

    public LocalClusterSettings withNodes(int count) {
        return new LocalClusterSettings(count, baseAddress, locatorPort, storagePort, agentPort, spherePort, stateDirectory,
                readyTimeout, demoDataset, nodeProperties);
    }

    public LocalClusterSettings withBaseAddress(String address) {
        return new LocalClusterSettings(nodes, address, locatorPort, storagePort, agentPort, spherePort, stateDirectory,
                readyTimeout, demoDataset, nodeProperties);
    }

    public LocalClusterSettings withLocatorPort(int port) {
        return new LocalClusterSettings(nodes, baseAddress, port, storagePort, agentPort, spherePort, stateDirectory,
                readyTimeout, demoDataset, nodeProperties);
    }

    public LocalClusterSettings withStoragePort(int port) {
        return new LocalClusterSettings(nodes, baseAddress, locatorPort, port, agentPort, spherePort, stateDirectory,
                readyTimeout, demoDataset, nodeProperties);
    }

    public LocalClusterSettings withAgentPort(int port) {
        return new LocalClusterSettings(nodes, baseAddress, locatorPort, storagePort, port, spherePort, stateDirectory,
                readyTimeout, demoDataset, nodeProperties);
    }

    public LocalClusterSettings withSpherePort(int port) {
        return new LocalClusterSettings(nodes, baseAddress, locatorPort, storagePort, agentPort, port, stateDirectory,
                readyTimeout, demoDataset, nodeProperties);
    }

    /** The data port (TCP and UDP) of every node's transfer agent: the one after its HTTP port. */
    public int agentDataPort() {
        return agentPort + 1;
    }

    public LocalClusterSettings withStateDirectory(Path directory) {
        return new LocalClusterSettings(nodes, baseAddress, locatorPort, storagePort, agentPort, spherePort, directory,
                readyTimeout, demoDataset, nodeProperties);
    }

    public LocalClusterSettings withReadyTimeout(Duration timeout) {
        return new LocalClusterSettings(nodes, baseAddress, locatorPort, storagePort, agentPort, spherePort, stateDirectory,
                timeout, demoDataset, nodeProperties);
    }

    public LocalClusterSettings withDemoDataset(boolean load) {
        return new LocalClusterSettings(nodes, baseAddress, locatorPort, storagePort, agentPort, spherePort, stateDirectory,
                readyTimeout, load, nodeProperties);
    }

    public LocalClusterSettings withNodeProperties(Map<String, String> properties) {
        return new LocalClusterSettings(nodes, baseAddress, locatorPort, storagePort, agentPort, spherePort, stateDirectory,
                readyTimeout, demoDataset, properties);
    }

    /** The address of node {@code k}, counting from 1. */
    public String nodeAddress(int k) {
        String prefix = baseAddress.substring(0, baseAddress.lastIndexOf('.') + 1);
        return prefix + (lastOctet(baseAddress) + k);
    }

    /** Node {@code k}'s data directory, counting from 1. */
    public Path dataDirectory(int k) {
        return stateDirectory.resolve("node-" + k).resolve("data");
    }

    private static void requirePort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    private static int lastOctet(String address) {
        String[] octets = address == null ? new String[0] : address.split("\\.", -1);
        if (octets.length != 4 || !"127".equals(octets[0])) {
            throw new IllegalArgumentException("the base address must be an IPv4 loopback address, not " + address);
        }
        try {
            for (String octet : octets) {
                int value = Integer.parseInt(octet);
                if (value < 0 || value > 255) {
                    throw new NumberFormatException(octet);
                }
            }
            return Integer.parseInt(octets[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the base address must be an IPv4 loopback address, not " + address, e);
        }
    }
}
