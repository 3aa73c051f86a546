package io.sectorsphere.localcluster;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One locator-service node as its own JVM process, started from this test's class path, with its
 * output in a log file. The port stays the same across restarts, and so does the ring id.
 */
final class LocatorProcess extends JvmProcess {

    private static final String MAIN_CLASS = "io.sectorsphere.locator.LocatorApplication";
    private static final String HOST = "127.0.0.1";

    private final int index;
    private final int port;
    private final LocatorClient client;

    LocatorProcess(int index, int port, Path logDirectory, HttpClient http) {
        super("locator " + index, "128m", logDirectory.resolve("locator-" + index + ".log"));
        this.index = index;
        this.port = port;
        this.client = new LocatorClient("http://" + ringAddress(), http);
    }

    /** Starts the JVM; the node is up once {@link LocatorClient#isReady()} says so. */
    void start(List<String> join, Map<String, String> properties) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.address=" + HOST);
        arguments.add("--server.port=" + port);
        arguments.add("--spring.main.banner-mode=off");
        if (!join.isEmpty()) {
            arguments.add("--sector.locator.join=" + String.join(",", join));
        }
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        launch(MAIN_CLASS, arguments, Map.of(), join);
    }

    int index() {
        return index;
    }

    String ringAddress() {
        return HOST + ":" + port;
    }

    LocatorClient client() {
        return client;
    }

    @Override
    public String toString() {
        return "locator " + index + " at " + ringAddress() + state();
    }
}
