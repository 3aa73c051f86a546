package io.sectorsphere.localcluster;

import io.sectorsphere.transfer.agent.TransferAgentApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node's transfer agent running as its own application context inside this JVM, on the same
 * data directory as the node's storage service. Settings are handed over as command-line
 * arguments, as for {@link StorageNode}.
 */
public final class TransferAgentNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String host;
    private final int port;

    private TransferAgentNode(ConfigurableApplicationContext context, String host, int port) {
        this.context = context;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts an agent and returns once its web server and data listeners are up.
     *
     * @param port     its HTTP port
     * @param dataPort its data port, TCP and UDP
     * @param secret   the cluster secret its tickets are signed with, the storage nodes' too
     */
    public static TransferAgentNode start(String host, int port, int dataPort, Path dataDir, String secret,
                                          Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.address=" + host);
        args.add("--server.port=" + port);
        args.add("--sector.transfer.advertised-host=" + host);
        args.add("--sector.transfer.data-dir=" + dataDir.toAbsolutePath().normalize());
        args.add("--sector.transfer.data-port=" + dataPort);
        args.add("--sector.transfer.secret=" + secret);
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = EmbeddedContexts.start(TransferAgentApplication.class, args);
        return new TransferAgentNode(context, host, EmbeddedContexts.port(context, port));
    }

    public String url() {
        return "http://" + host + ":" + port;
    }

    @Override
    public void close() {
        context.close();
    }
}
