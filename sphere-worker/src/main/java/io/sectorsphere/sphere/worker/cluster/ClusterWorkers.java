package io.sectorsphere.sphere.worker.cluster;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The cluster's live workers as the worker registry on the ring lists them. */
@Component
public class ClusterWorkers {

    private final RestClient rest;
    private final String locatorUrl;

    ClusterWorkers(RestClient workerRestClient, SphereProperties properties) {
        this.rest = workerRestClient;
        this.locatorUrl = properties.locatorUrl();
    }

    /** Every live worker, by address. */
    public List<WorkerStatus> live() {
        WorkerStatus[] workers = rest.get().uri(URI.create(locatorUrl + "/api/v1/workers")).retrieve()
                .body(WorkerStatus[].class);
        return workers == null ? List.of() : Arrays.asList(workers);
    }

    void register(WorkerStatus status) {
        rest.put().uri(URI.create(locatorUrl + "/api/v1/workers/" + status.address())).body(status).retrieve()
                .toBodilessEntity();
    }

    void withdraw(String address) {
        rest.delete().uri(URI.create(locatorUrl + "/api/v1/workers/" + address)).retrieve().toBodilessEntity();
    }
}
