package io.sectorsphere.localcluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One whole node in its own JVM: a locator and a storage node publishing to it, as two application
 * contexts, the way {@link NodeProcess} starts it. One JVM per node rather than per service halves
 * the JVMs that start on a 2-core machine.
 *
 * <pre>
 * NodeMain HOST LOCATOR-PORT STORAGE-PORT DATA-DIR JOIN [KEY=VALUE...]
 * </pre>
 *
 * JOIN is a comma-separated seed list, or {@code -} to found a ring. Settings under
 * {@code sector.locator.} go to the locator, under {@code sector.storage.} to the storage node,
 * under {@code sector.sphere.} to a Sphere worker, which runs when {@code sphere-port=N} is given
 * (0 for an ephemeral port), others to every service. Secrets come from the environment ({@code SECTOR_LOCATOR_REPLICATION_TOKEN}),
 * never from the command line, where {@code ps} shows them.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: NodeMain HOST LOCATOR-PORT STORAGE-PORT DATA-DIR JOIN [KEY=VALUE...]");
            System.exit(2);
        }
        String host = args[0];
        int locatorPort = Integer.parseInt(args[1]);
        int storagePort = Integer.parseInt(args[2]);
        Path dataDir = Path.of(args[3]);
        List<String> join = "-".equals(args[4]) ? List.of() : List.of(args[4].split(","));
        Map<String, String> locatorProperties = new HashMap<>();
        Map<String, String> storageProperties = new HashMap<>();
        Map<String, String> sphereProperties = new HashMap<>();
        Integer spherePort = null;
        for (String setting : Arrays.asList(args).subList(5, args.length)) {
            int equals = setting.indexOf('=');
            String key = setting.substring(0, equals);
            String value = setting.substring(equals + 1);
            if (key.equals("sphere-port")) {
                spherePort = Integer.parseInt(value);
                continue;
            }
            if (!key.startsWith("sector.locator.")) {
                (key.startsWith("sector.sphere.") ? sphereProperties : storageProperties).put(key, value);
            }
            if (!key.startsWith("sector.storage.") && !key.startsWith("sector.sphere.")) {
                locatorProperties.put(key, value);
            }
            if (!key.startsWith("sector.")) {
                sphereProperties.put(key, value);
            }
        }
        LocatorNode locator = LocatorNode.start(host, locatorPort, join, locatorProperties);
        StorageNode storage;
        try {
            storage = StorageNode.start(host, storagePort, dataDir, locator.url(), storageProperties);
        } catch (RuntimeException e) {
            locator.close();
            throw e;
        }
        SphereWorkerNode sphere = null;
        if (spherePort != null) {
            try {
                sphere = SphereWorkerNode.start(host, spherePort, dataDir, dataDir.resolveSibling("sphere-work"),
                        storage.url(), locator.url(), sphereProperties);
            } catch (RuntimeException e) {
                storage.close();
                locator.close();
                throw e;
            }
        }
        // SIGTERM stops every service; SIGKILL, which the tests use, stops nothing, as a crash.
        SphereWorkerNode worker = sphere;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (worker != null) {
                worker.close();
            }
            storage.close();
            locator.close();
        }, "node-shutdown"));
        System.out.println("node ready: locator " + locator.url() + ", storage " + storage.url()
                + (worker == null ? "" : ", sphere " + worker.url()));
    }
}
