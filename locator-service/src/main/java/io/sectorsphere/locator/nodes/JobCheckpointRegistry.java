package io.sectorsphere.locator.nodes;

import io.sectorsphere.common.sphere.JobCheckpoint;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.ring.EntryNames;
import io.sectorsphere.locator.ring.LocalNode;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkpoints of running Sphere jobs under {@link EntryNames#SPHERE_JOBS}: replicated on the ring
 * like every record, so that when a job's coordinator dies another worker finds the job and takes
 * it over from its last checkpoint.
 */
@Service
public class JobCheckpointRegistry extends SoftStateRegistry<JobCheckpoint> {

    JobCheckpointRegistry(LocalNode localNode, JsonMapper json, LocatorProperties properties, Clock clock) {
        super(EntryNames.SPHERE_JOBS, JobCheckpoint.class, JobCheckpoint::id, localNode, json,
                properties.records().maxTtl(), clock);
    }

    public void store(JobCheckpoint checkpoint) {
        store(checkpoint, Duration.ofSeconds(checkpoint.ttlSeconds()));
    }

    @Override
    void requireKey(String key) {
        JobCheckpoint.requireJobId(key);
    }
}
