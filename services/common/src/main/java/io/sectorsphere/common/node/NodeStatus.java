package io.sectorsphere.common.node;

import io.sectorsphere.common.Addresses;

/**
 * A storage node's heartbeat: what it sends every interval with {@code PUT /api/v1/nodes/{address}}
 * on its locator, and what {@code GET /api/v1/nodes} lists for each live node. Soft state like a
 * location record: it lapses after {@code ttlSeconds} unless refreshed.
 *
 * @param address the storage node, as {@code host:port}; the key of the entry
 * @param httpAddress where it serves its REST API, e.g. {@code http://10.0.0.1:6200}
 * @param udtAddress where its transfer agent takes UDT connections, as {@code host:port}
 * @param capacityBytes bytes this node may use for data in all
 * @param freeBytes of those, bytes still free
 * @param files files in its data directory (record indexes not counted)
 * @param ttlSeconds how long the entry lives without a refresh
 */
public record NodeStatus(String address, String httpAddress, String udtAddress, long capacityBytes,
                         long freeBytes, long files, long ttlSeconds) {

    public NodeStatus {
        Addresses.requireHostPort("address", address);
        Addresses.requireHttpUrl("httpAddress", httpAddress);
        Addresses.requireHostPort("udtAddress", udtAddress);
        if (capacityBytes < 0 || freeBytes < 0 || files < 0) {
            throw new IllegalArgumentException("capacityBytes, freeBytes and files must not be negative");
        }
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("ttlSeconds must be at least 1");
        }
    }
}
