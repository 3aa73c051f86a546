package io.sectorsphere.common.file;

import io.sectorsphere.common.location.Replica;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/files/{name}/meta} answers on any storage node: the file's metadata and
 * every replica the ring knows of.
 *
 * @param checksum {@code sha256:<hex>}
 * @param indexed whether the file has a record index ({@code <name>.idx}); null when the answering
 *     node holds no copy and so cannot tell
 * @param replicas every holder's copy, ordered by holder
 */
public record FileMeta(String name, long size, Instant mtime, String checksum, Boolean indexed,
                       List<Replica> replicas) {

    public FileMeta {
        replicas = List.copyOf(replicas);
    }
}
