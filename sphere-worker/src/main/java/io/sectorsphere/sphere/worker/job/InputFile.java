package io.sectorsphere.sphere.worker.job;

import java.util.List;

/**
 * One file of a stage's input as the ring knows it.
 *
 * @param holders the storage nodes holding a copy, as {@code host:port}
 * @param holderUrls the same nodes' HTTP addresses, in the same order
 */
public record InputFile(String name, long size, List<String> holders, List<String> holderUrls) {

    public InputFile {
        holders = List.copyOf(holders);
        holderUrls = List.copyOf(holderUrls);
    }
}
