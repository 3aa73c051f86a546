package io.sectorsphere.storage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One storage node: a data directory of whole files, published to the ring, served over HTTP.
 * Its framework defaults are applied by {@link io.sectorsphere.storage.config.StorageDefaults}.
 */
@SpringBootApplication
public class StorageApplication {

    public static void main(String[] args) {
        SpringApplication.run(StorageApplication.class, args);
    }
}
