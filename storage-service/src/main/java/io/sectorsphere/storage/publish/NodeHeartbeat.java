package io.sectorsphere.storage.publish;

import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.storage.config.NodeIdentity;
import io.sectorsphere.storage.config.StorageProperties;
import io.sectorsphere.storage.files.Capacity;
import io.sectorsphere.storage.files.LocalIndex;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reports this node to the locator's node registry every {@code heartbeat-interval}, as soft state
 * that lapses after three missed beats. Cluster-wide listings and replica placement find nodes there.
 */
@Component
public class NodeHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);
    private static final int MISSED_BEATS_TO_LAPSE = 3;
    /**
     * A loaded machine delays heartbeats by seconds, and a node missing from the registry drops its
     * files out of cluster listings (and so out of jobs over a prefix): never lapse sooner than this.
     */
    private static final long MIN_TTL_SECONDS = 10;

    private final LocatorClient locator;
    private final NodeIdentity identity;
    private final Capacity capacity;
    private final LocalIndex index;
    private final long ttlSeconds;
    private final AtomicBoolean registryMissing = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();

    NodeHeartbeat(LocatorClient locator, NodeIdentity identity, Capacity capacity, LocalIndex index,
                  StorageProperties properties) {
        this.locator = locator;
        this.identity = identity;
        this.capacity = capacity;
        this.index = index;
        this.ttlSeconds = Math.max(MIN_TTL_SECONDS, properties.heartbeatInterval().multipliedBy(MISSED_BEATS_TO_LAPSE).toSeconds());
    }

    public NodeStatus status(NodeIdentity.Self self) {
        return new NodeStatus(self.holder(), self.httpAddress(), self.udtAddress(), capacity.capacityBytes(),
                capacity.freeBytes(), index.fileCount(), ttlSeconds);
    }

    public void beat() {
        identity.get().ifPresent(self -> {
            try {
                boolean registered = locator.heartbeat(status(self));
                if (!registered && registryMissing.compareAndSet(false, true)) {
                    log.info("the locator at {} has no node registry yet; heartbeats continue", locator.url());
                }
                if (registered) {
                    registryMissing.set(false);
                }
                failing.set(false);
            } catch (LocatorUnavailableException e) {
                if (failing.compareAndSet(false, true)) {
                    log.warn("heartbeat failed, retrying: {}", e.getMessage());
                }
            }
        });
    }
}
