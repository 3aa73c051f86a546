package io.sectorsphere.locator.records;

import io.sectorsphere.common.FileName;

/** The ring holds no live record of a file. */
public class FileNotLocatedException extends RuntimeException {

    private final transient FileName name;
    private final int hops;

    FileNotLocatedException(FileName name, int hops) {
        super("no live location record of '" + name + "'");
        this.name = name;
        this.hops = hops;
    }

    public FileName name() {
        return name;
    }

    public int hops() {
        return hops;
    }
}
