package io.sectorsphere.storage.files;

import io.sectorsphere.common.FileName;

/** A file is no longer held here: deleted through the API or found gone by a rescan. */
public record FileRemoved(FileName name) {
}
