package io.sectorsphere.storage.files;

/** A file became available here with a known checksum: new, replaced, or hashed after a rescan. */
public record FileStored(LocalFile file) {
}
