package io.sectorsphere.localcluster;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.locator.LocatorApplication;
import io.sectorsphere.locator.ring.LocalNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One locator-service node running as its own application context inside this JVM.
 *
 * <p>Settings are handed over as command-line arguments, not default properties: arguments win
 * over the service's own {@code application.yml}, so a node always listens where it was told.
 */
public final class LocatorNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String host;
    private final int port;

    private LocatorNode(ConfigurableApplicationContext context, String host, int port) {
        this.context = context;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a node and returns once its web server listens (it may still be joining the ring).
     *
     * @param port 0 for an ephemeral port
     * @param join ring addresses ({@code host:port}) to join through; empty to create a new ring
     * @param properties further settings, such as ring intervals
     */
    public static LocatorNode start(String host, int port, List<String> join, Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.address=" + host);
        args.add("--server.port=" + port);
        args.add("--sector.locator.advertised-host=" + host);
        if (!join.isEmpty()) {
            args.add("--sector.locator.join=" + String.join(",", join));
        }
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = EmbeddedContexts.start(LocatorApplication.class, args);
        return new LocatorNode(context, host, EmbeddedContexts.port(context, port));
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** {@code host:port}, the address the node has on the ring (and so its ring id). */
    public String ringAddress() {
        return host + ":" + port;
    }

    public String url() {
        return "http://" + ringAddress();
    }

    public boolean isRunning() {
        return context.isActive();
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /**
     * Leaves the ring gracefully, handing this node's entries to its successor whatever its
     * leave-on-shutdown setting says, then stops it.
     */
    public void leaveAndClose() {
        context.getBean(LocalNode.class).get().filter(ChordNode::isMember).ifPresent(ChordNode::leave);
        close();
    }

    /** Stops the node; whether it hands over its entries first depends on its leave-on-shutdown setting. */
    @Override
    public void close() {
        context.close();
    }
}
