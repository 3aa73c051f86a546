package io.sectorsphere.localcluster;

/**
 * Where one node of a local cluster answers.
 *
 * @param index k in 1..N
 * @param address the node's own loopback address
 * @param locator the base URL of its locator service
 * @param storage the base URL of its storage service
 */
public record NodeEndpoints(int index, String address, String locator, String storage) {
}
