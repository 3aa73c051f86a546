package io.sectorsphere.localcluster;

import io.sectorsphere.storage.StorageApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One storage-service node running as its own application context inside this JVM, publishing to
 * the locator it is given.
 *
 * <p>Settings are handed over as command-line arguments, as for {@link LocatorNode}: they win over
 * any {@code application.yml}, so a node always listens where it was told.
 */
public final class StorageNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String host;
    private final int port;
    private final Path dataDir;

    private StorageNode(ConfigurableApplicationContext context, String host, int port, Path dataDir) {
        this.context = context;
        this.host = host;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts a node and returns once its web server listens and its local index is built.
     *
     * @param port 0 for an ephemeral port
     * @param dataDir its data directory, created if missing; files already in it are served
     * @param locatorUrl the locator it publishes its files and heartbeats to
     * @param properties further settings, such as accounts and intervals
     */
    public static StorageNode start(String host, int port, Path dataDir, String locatorUrl,
                                    Map<String, String> properties) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        List<String> args = new ArrayList<>();
        args.add("--server.address=" + host);
        args.add("--server.port=" + port);
        args.add("--sector.storage.advertised-host=" + host);
        args.add("--sector.storage.data-dir=" + absolute);
        args.add("--sector.storage.locator-url=" + locatorUrl);
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = EmbeddedContexts.start(StorageApplication.class, args);
        return new StorageNode(context, host, EmbeddedContexts.port(context, port), absolute);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** {@code host:port}: the holder name of this node's location records and heartbeat. */
    public String holder() {
        return host + ":" + port;
    }

    public String url() {
        return "http://" + holder();
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /**
     * Stops the node. It withdraws nothing: its location records lapse with their time-to-live and
     * its heartbeat after three missed beats, as after a crash.
     */
    @Override
    public void close() {
        context.close();
    }
}
