package io.sectorsphere.locator.nodes;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.ring.EntryNames;
import io.sectorsphere.locator.ring.LocalNode;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The Sphere workers of the cluster, under {@link EntryNames#WORKER_REGISTRY}. */
@Service
public class WorkerRegistry extends SoftStateRegistry<WorkerStatus> {

    WorkerRegistry(LocalNode localNode, JsonMapper json, LocatorProperties properties, Clock clock) {
        super(EntryNames.WORKER_REGISTRY, WorkerStatus.class, WorkerStatus::address, localNode, json,
                properties.records().maxTtl(), clock);
    }

    /** Stores or refreshes a worker's status for its {@code ttlSeconds}. */
    public void register(WorkerStatus status) {
        store(status, Duration.ofSeconds(status.ttlSeconds()));
    }
}
