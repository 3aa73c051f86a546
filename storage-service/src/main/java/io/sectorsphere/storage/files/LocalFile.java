package io.sectorsphere.storage.files;

import io.sectorsphere.common.FileName;
import java.time.Instant;
import java.util.Optional;

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

    /** Whether {@code name} names a record index ({@code F.idx}). */
    public static boolean isRecordIndex(FileName name) {
        return name.value().endsWith(INDEX_SUFFIX) && name.value().length() > INDEX_SUFFIX.length();
    }

    /** The file a record index belongs to: {@code F} for {@code F.idx}. */
    public static Optional<FileName> indexedFile(FileName name) {
        if (!isRecordIndex(name)) {
            return Optional.empty();
        }
        String value = name.value();
        try {
            return Optional.of(FileName.of(value.substring(0, value.length() - INDEX_SUFFIX.length())));
        } catch (IllegalArgumentException notAName) {
            return Optional.empty(); // "dir/.idx" or "..idx": an index of no file
        }
    }
}
