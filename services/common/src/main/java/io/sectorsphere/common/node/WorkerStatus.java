package io.sectorsphere.common.node;

import io.sectorsphere.common.Addresses;

/**
 * A Sphere worker's heartbeat: what it sends every interval with {@code PUT /api/v1/workers/{address}}
 * on its locator, and what {@code GET /api/v1/workers} lists for each live worker.
 *
 * @param address the worker, as {@code host:port}; the key of the entry
 * @param httpAddress where it serves its REST API, e.g. {@code http://10.0.0.1:6400}
 * @param storageAddress the storage node whose data directory it reads, as that node's {@code host:port}
 *     (the holder name in location records): segments of files held there run here data-local
 * @param processingElements how many segments it runs at once
 * @param ttlSeconds how long the entry lives without a refresh
 */
public record WorkerStatus(String address, String httpAddress, String storageAddress, int processingElements,
                           long ttlSeconds) {

    public WorkerStatus {
        Addresses.requireHostPort("address", address);
        Addresses.requireHttpUrl("httpAddress", httpAddress);
        Addresses.requireHostPort("storageAddress", storageAddress);
        if (processingElements < 1) {
            throw new IllegalArgumentException("processingElements must be at least 1");
        }
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("ttlSeconds must be at least 1");
        }
    }
}
