package io.sectorsphere.storage.cluster;

import io.sectorsphere.common.FileName;

/** No node holds the file: not this one, and the ring has no live record of it elsewhere. */
public class FileNotLocatedException extends RuntimeException {

    private final transient FileName name;

    public FileNotLocatedException(FileName name, String message) {
        super(message);
        this.name = name;
    }

    public FileName name() {
        return name;
    }
}
