package io.sectorsphere.storage.config;

import io.sectorsphere.service.config.ServiceDefaults;
import io.sectorsphere.storage.StorageApplication;

/**
 * Adds {@code storage-service.properties} (port 6200, problem details, probes, ...) to a storage node's
 * environment below everything else; see {@link ServiceDefaults}. Applications other than the
 * storage node are left alone.
 */
public class StorageDefaults extends ServiceDefaults {

    static final String RESOURCE = "storage-service.properties";

    public StorageDefaults() {
        super(StorageApplication.class, RESOURCE);
    }
}
