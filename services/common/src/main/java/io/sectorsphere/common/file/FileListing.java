package io.sectorsphere.common.file;

import java.util.List;

/**
 * A page of a file listing, in name order.
 *
 * @param next the name to pass as {@code after=} for the next page; null on the last page
 * @param unreachable nodes ({@code host:port}) that a cluster-wide listing could not ask, so their
 *     files may be missing from it; empty for a node's own listing
 */
public record FileListing(List<FileEntry> files, String next, List<String> unreachable) {

    public FileListing {
        files = List.copyOf(files);
        unreachable = List.copyOf(unreachable);
    }
}
