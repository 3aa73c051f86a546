package io.sectorsphere.localcluster;

import io.sectorsphere.sphere.worker.SphereWorkerApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node's Sphere worker running as its own application context inside this JVM, reading the
 * data directory of the node's storage service and registering with the node's locator. Its
 * processing elements are child JVMs, stopped with the context. Settings are handed over as
 * command-line arguments, as for {@link StorageNode}.
 */
public final class SphereWorkerNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String host;
    private final int port;

    private SphereWorkerNode(ConfigurableApplicationContext context, String host, int port) {
        this.context = context;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a worker and returns once its web server listens.
     *
     * @param port    its HTTP port, 0 for an ephemeral one
     * @param dataDir the storage node's data directory
     * @param workDir its own working directory (attempt output, buckets, scratch)
     */
    public static SphereWorkerNode start(String host, int port, Path dataDir, Path workDir, String storageUrl,
                                         String locatorUrl, Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.address=" + host);
        args.add("--server.port=" + port);
        args.add("--sector.sphere.advertised-host=" + host);
        args.add("--sector.sphere.data-dir=" + dataDir.toAbsolutePath().normalize());
        args.add("--sector.sphere.work-dir=" + workDir.toAbsolutePath().normalize());
        args.add("--sector.sphere.storage-url=" + storageUrl);
        args.add("--sector.sphere.locator-url=" + locatorUrl);
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = EmbeddedContexts.start(SphereWorkerApplication.class, args);
        return new SphereWorkerNode(context, host, EmbeddedContexts.port(context, port));
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://" + host + ":" + port;
    }

    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }
}
