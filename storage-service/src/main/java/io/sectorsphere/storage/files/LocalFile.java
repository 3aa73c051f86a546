package io.sectorsphere.storage.files;

import io.sectorsphere.common.FileName;
import java.time.Instant;

/**
 * A file in this node's data directory as the local index knows it.
 *
 * @param mtime the file's modification time, to the precision the file system keeps
 * @param sha256 lowercase hex, or null until a file copied in by hand has been hashed
 */
public record LocalFile(FileName name, long size, Instant mtime, String sha256) {

    public static final String INDEX_SUFFIX = ".idx";

    /** {@code sha256:<hex>}, or null if not yet known. */
    public String checksum() {
        return sha256 == null ? null : "sha256:" + sha256;
    }

    /** Whether {@code size} and {@code mtime} still describe the same content as this record. */
    public boolean sameVersion(long otherSize, Instant otherMtime) {
        return size == otherSize && mtime.equals(otherMtime);
    }

    public LocalFile withSha256(String hex) {
        return new LocalFile(name, size, mtime, hex);
    }

    /** The name of the record index that travels with a file named {@code name}. */
    public static FileName indexOf(FileName name) {
        return FileName.of(name.value() + INDEX_SUFFIX);
    }
}
