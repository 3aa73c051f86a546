package io.sectorsphere.storage;

import io.sectorsphere.storage.config.StorageProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** {@link StorageProperties} with the defaults, for unit tests that build components by hand. */
public final class TestSettings {

    private TestSettings() {
    }

    public static StorageProperties defaults() {
        return with(new StorageProperties.Security(List.of("127.0.0.0/8"), List.of(), false));
    }

    public static StorageProperties with(StorageProperties.Security security) {
        return new StorageProperties(Path.of("data"), null, null, null, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(10), null, DataSize.ofGigabytes(1), security,
                new StorageProperties.Replication(2, 256),
                new StorageProperties.Peers(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1),
                        Duration.ofMinutes(1)),
                new StorageProperties.Limits(10000, DataSize.ofMegabytes(8)));
    }
}
