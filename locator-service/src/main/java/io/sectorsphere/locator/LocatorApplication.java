package io.sectorsphere.locator;

import io.sectorsphere.service.web.ServiceWebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * One locator: a Chord ring node that holds file-location records for its range of the ring.
 * Its shared web infrastructure comes from {@link ServiceWebConfiguration}; its framework defaults
 * are applied by {@link io.sectorsphere.locator.config.LocatorDefaults}.
 */
@SpringBootApplication
@Import(ServiceWebConfiguration.class)
public class LocatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocatorApplication.class, args);
    }
}
