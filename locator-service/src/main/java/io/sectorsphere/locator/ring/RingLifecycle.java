package io.sectorsphere.locator.ring;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.RingTransport;
import io.sectorsphere.locator.config.LocatorProperties;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Starts the ring node once the web server is listening (its address needs the bound port) and, on
 * shutdown, stops the protocol and leaves gracefully before the web server goes away.
 */
@Component
class RingLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RingLifecycle.class);
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private final LocalNode localNode;
    private final RingMaintenance maintenance;
    private final RingTransport transport;
    private final LocatorProperties properties;
    private final Clock clock;
    private final Environment environment;
    private volatile boolean running;

    RingLifecycle(LocalNode localNode, RingMaintenance maintenance, RingTransport transport,
                  LocatorProperties properties, Clock clock, Environment environment) {
        this.localNode = localNode;
        this.maintenance = maintenance;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
        this.environment = environment;
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a separate management server
        }
        NodeRef self = NodeRef.of(advertisedHost() + ":" + event.getWebServer().getPort());
        ChordNode node = new ChordNode(self, transport, properties.ring().chordSettings(), clock);
        localNode.start(node);
        List<String> join = properties.join();
        List<NodeRef> seeds = join.stream()
                .filter(seed -> !seed.equals(self.address()))
                .map(NodeRef::of)
                .toList();
        // The first listed seed founds the ring when no other seed answers; every other node waits
        // for a ring to join. So a founder that restarts rejoins its old ring instead of splitting it.
        boolean founder = join.isEmpty() || join.getFirst().equals(self.address());
        log.info("{} starting, {}", self, seeds.isEmpty() ? "creating a new ring"
                : "joining through " + seeds + (founder ? ", or founding the ring if none answers" : ""));
        maintenance.start(node, seeds, founder);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server stops (the default phase is the latest), so the node leaves first. */
    @Override
    public void stop() {
        running = false;
        maintenance.stop();
        localNode.get().filter(ChordNode::isMember).ifPresent(node -> {
            if (properties.leaveOnShutdown()) {
                node.leave();
            } else {
                log.info("{} stopping without leaving the ring", node.self());
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private String advertisedHost() {
        if (properties.advertisedHost() != null) {
            return properties.advertisedHost();
        }
        String bound = environment.getProperty("server.address", "").strip();
        if (bound.isEmpty() || WILDCARDS.contains(bound)) {
            return "127.0.0.1";
        }
        return bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound;
    }
}
