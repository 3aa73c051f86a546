package io.sectorsphere.localcluster;

/**
 * Where one node of a local cluster answers.
 *
 * @param index k in 1..N
 * @param address the node's own loopback address
 * @param locator the base URL of its locator service
 * @param storage the base URL of its storage service
 * @param sphere the base URL of its sphere worker; null when the node runs none (a {@code cluster.json}
 *     written before workers existed has no such field, and readers take the storage host, port 6400)
 */
public record NodeEndpoints(int index, String address, String locator, String storage, String sphere) {

    /** A node without a sphere worker. */
    public NodeEndpoints(int index, String address, String locator, String storage) {
        this(index, address, locator, storage, null);
    }
}
