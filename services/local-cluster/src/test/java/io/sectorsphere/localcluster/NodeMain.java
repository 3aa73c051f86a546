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
 * others to both. Secrets come from the environment ({@code SECTOR_LOCATOR_REPLICATION_TOKEN}),
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
        for (String setting : Arrays.asList(args).subList(5, args.length)) {
            int equals = setting.indexOf('=');
            String key = setting.substring(0, equals);
            String value = setting.substring(equals + 1);
            if (!key.startsWith("sector.storage.")) {
                locatorProperties.put(key, value);
            }
            if (!key.startsWith("sector.locator.")) {
                storageProperties.put(key, value);
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
        // SIGTERM stops both; SIGKILL, which the test uses, stops nothing, as a crash.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            storage.close();
            locator.close();
        }, "node-shutdown"));
        System.out.println("node ready: locator " + locator.url() + ", storage " + storage.url());
    }
}
