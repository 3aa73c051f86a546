package io.sectorsphere.locator.nodes;

import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.ring.EntryNames;
import io.sectorsphere.locator.ring.LocalNode;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The storage nodes of the cluster, under {@link EntryNames#NODE_REGISTRY}. */
@Service
public class NodeRegistry extends SoftStateRegistry<NodeStatus> {

    NodeRegistry(LocalNode localNode, JsonMapper json, LocatorProperties properties, Clock clock) {
        super(EntryNames.NODE_REGISTRY, NodeStatus.class, NodeStatus::address, localNode, json,
                properties.records().maxTtl(), clock);
    }

    /** Stores or refreshes a node's status for its {@code ttlSeconds}. */
    public void register(NodeStatus status) {
        store(status, Duration.ofSeconds(status.ttlSeconds()));
    }
}
