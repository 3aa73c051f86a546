package io.sectorsphere.storage;

import io.sectorsphere.common.io.JdkHttpClientBuffers;
import io.sectorsphere.service.web.ServiceWebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * One storage node: a data directory of whole files, published to the ring, served over HTTP.
 * Its shared web infrastructure comes from {@link ServiceWebConfiguration}; its framework defaults
 * are applied by {@link io.sectorsphere.storage.config.StorageDefaults}.
 */
@SpringBootApplication
@Import(ServiceWebConfiguration.class)
public class StorageApplication {

    public static void main(String[] args) {
        // Proxied reads and replica fetches stream whole files through the JDK client.
        JdkHttpClientBuffers.enlarge();
        SpringApplication.run(StorageApplication.class, args);
    }
}
