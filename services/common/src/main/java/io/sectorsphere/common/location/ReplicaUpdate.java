package io.sectorsphere.common.location;

import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.Checksum;
import java.time.Instant;

/**
 * What a storage node publishes about its copy of a file ({@code PUT /api/v1/locations/{name}} on
 * any locator), and republishes before {@code ttlSeconds} run out to keep the record alive.
 *
 * @param holder the storage node, as {@code host:port}; one record per holder and file
 * @param httpAddress where the holder serves the file over HTTP, e.g. {@code http://10.0.0.1:6200}
 * @param udtAddress where the holder's transfer agent takes UDT connections, as {@code host:port}
 * @param ttlSeconds how long the record lives without a refresh; null for the locator's default
 */
public record ReplicaUpdate(String holder, String httpAddress, String udtAddress, Long size, Instant mtime,
                            String checksum, Long ttlSeconds) {

    public ReplicaUpdate {
        Addresses.requireHostPort("holder", holder);
        Addresses.requireHttpUrl("httpAddress", httpAddress);
        Addresses.requireHostPort("udtAddress", udtAddress);
        if (size == null || size < 0) {
            throw new IllegalArgumentException("size is required and must not be negative");
        }
        if (mtime == null) {
            throw new IllegalArgumentException("mtime is required, as an ISO-8601 instant");
        }
        Checksum.requireValid(checksum);
        if (ttlSeconds != null && ttlSeconds < 1) {
            throw new IllegalArgumentException("ttlSeconds must be at least 1");
        }
    }
}
