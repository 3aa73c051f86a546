package io.sectorsphere.common.file;

import java.time.Instant;

/**
 * One file as a storage node lists it ({@code GET /api/v1/files}).
 *
 * @param checksum {@code sha256:<hex>}, or null while the node has not yet hashed a file that was
 *     copied into its data directory by hand
 * @param indexed whether the node holds the file's record index, {@code <name>.idx}
 */
public record FileEntry(String name, long size, Instant mtime, String checksum, boolean indexed) {
}
