package io.sectorsphere.transfer.multisource;

import java.io.IOException;
import java.util.List;

/** A download that could not complete; nothing was left under the target's name. */
public class DownloadFailedException extends IOException {

    private final List<SourceReport> sources;

    public DownloadFailedException(String message, List<SourceReport> sources) {
        super(message);
        this.sources = List.copyOf(sources);
    }

    public List<SourceReport> sources() {
        return sources;
    }
}
