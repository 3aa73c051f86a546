package io.sectorsphere.sphere.worker.config;

import io.sectorsphere.service.config.ServiceDefaults;
import io.sectorsphere.sphere.worker.SphereWorkerApplication;

/**
 * Adds {@code sphere-worker.properties} (port 6400, problem details, probes, ...) to a worker's
 * environment below everything else; see {@link ServiceDefaults}.
 */
public class WorkerDefaults extends ServiceDefaults {

    public WorkerDefaults() {
        super(SphereWorkerApplication.class, "sphere-worker.properties");
    }
}
