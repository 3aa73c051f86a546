package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.sphere.JobCheckpoint;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Job checkpoints on the ring, through this node's locator. */
@Component
class JobCheckpoints {

    private final RestClient rest;
    private final String locatorUrl;

    JobCheckpoints(RestClient workerRestClient, SphereProperties properties) {
        this.rest = workerRestClient;
        this.locatorUrl = properties.locatorUrl();
    }

    void save(JobCheckpoint checkpoint) {
        rest.put().uri(URI.create(locatorUrl + "/api/v1/sphere-jobs/" + checkpoint.id())).body(checkpoint).retrieve()
                .toBodilessEntity();
    }

    List<JobCheckpoint> all() {
        JobCheckpoint[] all = rest.get().uri(URI.create(locatorUrl + "/api/v1/sphere-jobs")).retrieve()
                .body(JobCheckpoint[].class);
        return all == null ? List.of() : Arrays.asList(all);
    }
}
