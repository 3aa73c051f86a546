package io.sectorsphere.locator.config;

import io.sectorsphere.locator.LocatorApplication;
import io.sectorsphere.service.config.ServiceDefaults;

/**
 * Adds {@code locator-service.properties} (port 6100, problem details, probes, ...) to a locator's
 * environment below everything else; see {@link ServiceDefaults}. Applications other than the
 * locator are left alone.
 */
public class LocatorDefaults extends ServiceDefaults {

    static final String RESOURCE = "locator-service.properties";

    public LocatorDefaults() {
        super(LocatorApplication.class, RESOURCE);
    }
}
