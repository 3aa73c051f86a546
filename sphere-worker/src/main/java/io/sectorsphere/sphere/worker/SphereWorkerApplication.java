package io.sectorsphere.sphere.worker;

import io.sectorsphere.service.web.ServiceWebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A node's Sphere worker: runs segments of jobs on its processing elements (child JVMs) next to the
 * storage node's data, receives bucket output from other workers, and coordinates the jobs submitted
 * to it. Its framework defaults are applied by {@link io.sectorsphere.sphere.worker.config.WorkerDefaults}.
 */
@SpringBootApplication
@Import(ServiceWebConfiguration.class)
public class SphereWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SphereWorkerApplication.class, args);
    }
}
