package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.sphere.worker.cluster.ClusterWorkers;
import io.sectorsphere.sphere.worker.cluster.LocalWorker;
import io.sectorsphere.sphere.worker.cluster.StorageGateway;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import io.sectorsphere.sphere.worker.metrics.SphereMetrics;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** What a coordinator's job runs use to reach the cluster. */
record CoordinatorServices(WorkerClient workers, ClusterWorkers cluster, StorageGateway storage, LocalWorker local,
                           SphereProperties properties, SphereMetrics metrics, Path resultsRoot,
                           JobCheckpoints checkpoints, JsonMapper json) {
}
