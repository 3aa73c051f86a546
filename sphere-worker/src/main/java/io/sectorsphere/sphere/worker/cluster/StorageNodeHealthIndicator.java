package io.sectorsphere.sphere.worker.cluster;

import java.net.URI;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Readiness: a worker that cannot reach its storage node cannot read local data or store output,
 * so it takes no traffic until it can.
 */
@Component("storageNode")
class StorageNodeHealthIndicator implements HealthIndicator {

    private final RestClient rest;
    private final LocalWorker local;

    StorageNodeHealthIndicator(RestClient workerRestClient, LocalWorker local) {
        this.rest = workerRestClient;
        this.local = local;
    }

    @Override
    public Health health() {
        try {
            rest.get().uri(URI.create(local.storageUrl() + "/actuator/health/readiness")).retrieve().toBodilessEntity();
            return Health.up().withDetail("storage", local.storageUrl()).build();
        } catch (RestClientException e) {
            return Health.down().withDetail("storage", local.storageUrl()).withDetail("error", e.getMessage()).build();
        }
    }
}
