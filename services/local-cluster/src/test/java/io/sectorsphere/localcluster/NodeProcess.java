package io.sectorsphere.localcluster;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One whole node (locator and storage node, see {@link NodeMain}) as its own JVM process, started
 * from this test's class path, with its output in a log file. Ports and data directory stay the
 * same across restarts, and so do its ring id, holder address and files.
 */
final class NodeProcess extends JvmProcess {

    private static final String HOST = "127.0.0.1";

    private final int index;
    private final int locatorPort;
    private final int storagePort;
    private final int spherePort;
    private final Path dataDir;
    private final LocatorClient locator;
    private final StorageClient storage;

    NodeProcess(int index, int locatorPort, int storagePort, Path dataDir, Path logDirectory, HttpClient http) {
        this(index, locatorPort, storagePort, 0, dataDir, logDirectory, http);
    }

    /** @param spherePort the port of a Sphere worker beside the other services, 0 for none */
    NodeProcess(int index, int locatorPort, int storagePort, int spherePort, Path dataDir, Path logDirectory,
                HttpClient http) {
        super("node " + index, spherePort == 0 ? "160m" : "256m", logDirectory.resolve("node-" + index + ".log"));
        this.spherePort = spherePort;
        this.index = index;
        this.locatorPort = locatorPort;
        this.storagePort = storagePort;
        this.dataDir = dataDir;
        this.locator = new LocatorClient("http://" + ringAddress(), http);
        this.storage = new StorageClient("http://" + holder(), http);
    }

    /**
     * Starts the JVM; the node is up once both its services say they are ready.
     *
     * @param environment variables for the JVM, where secrets go
     */
    void start(List<String> join, Map<String, String> properties, Map<String, String> environment) {
        List<String> arguments = new ArrayList<>();
        arguments.add(HOST);
        arguments.add(String.valueOf(locatorPort));
        arguments.add(String.valueOf(storagePort));
        arguments.add(dataDir.toString());
        arguments.add(join.isEmpty() ? "-" : String.join(",", join));
        arguments.add("spring.main.banner-mode=off");
        if (spherePort != 0) {
            arguments.add("sphere-port=" + spherePort);
        }
        properties.forEach((key, value) -> arguments.add(key + "=" + value));
        launch(NodeMain.class.getName(), arguments, environment, join);
    }

    boolean isReady() {
        return locator.isReady() && storage.isReady();
    }

    int index() {
        return index;
    }

    String ringAddress() {
        return HOST + ":" + locatorPort;
    }

    /** The storage node's {@code host:port}, as its location records name it. */
    String holder() {
        return HOST + ":" + storagePort;
    }

    String storageUrl() {
        return "http://" + holder();
    }

    /** The base URL of its Sphere worker. */
    String sphereUrl() {
        return "http://" + HOST + ":" + spherePort;
    }

    LocatorClient locator() {
        return locator;
    }

    StorageClient storage() {
        return storage;
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public String toString() {
        return "node " + index + " at " + ringAddress() + " + " + holder() + state();
    }
}
