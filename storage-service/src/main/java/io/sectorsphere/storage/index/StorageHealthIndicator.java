package io.sectorsphere.storage.index;

import io.sectorsphere.storage.files.Capacity;
import io.sectorsphere.storage.files.DataDirectory;
import io.sectorsphere.storage.files.LocalIndex;
import java.nio.file.Files;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP once the local index is built and the data directory is writable; part of readiness. */
@Component
class StorageHealthIndicator implements HealthIndicator {

    private final IndexLifecycle lifecycle;
    private final DataDirectory directory;
    private final LocalIndex index;
    private final Capacity capacity;

    StorageHealthIndicator(IndexLifecycle lifecycle, DataDirectory directory, LocalIndex index, Capacity capacity) {
        this.lifecycle = lifecycle;
        this.directory = directory;
        this.index = index;
        this.capacity = capacity;
    }

    @Override
    public Health health() {
        boolean writable = Files.isWritable(directory.staging());
        Health.Builder health = lifecycle.isRunning() && writable ? Health.up() : Health.outOfService();
        return health.withDetail("dataDir", directory.root().toString())
                .withDetail("writable", writable)
                .withDetail("files", index.fileCount())
                .withDetail("freeBytes", capacity.freeBytes())
                .withDetail("capacityBytes", capacity.capacityBytes())
                .build();
    }
}
