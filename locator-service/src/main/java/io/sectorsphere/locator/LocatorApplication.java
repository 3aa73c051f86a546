package io.sectorsphere.locator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One locator: a Chord ring node that holds file-location records for its range of the ring.
 * Its framework defaults are applied by {@link io.sectorsphere.locator.config.LocatorDefaults}.
 */
@SpringBootApplication
public class LocatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocatorApplication.class, args);
    }
}
