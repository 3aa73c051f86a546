package io.sectorsphere.transfer.multisource;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished, verified download.
 *
 * @param file         where the file is now
 * @param bytes        its size
 * @param elapsedNanos from the start until it was in place
 * @param sources      each source's part
 * @param resumedBytes the prefix an earlier, interrupted download had left, not fetched again
 */
public record DownloadReport(Path file, long bytes, long elapsedNanos, List<SourceReport> sources,
                             long resumedBytes) {

    public DownloadReport {
        sources = List.copyOf(sources);
    }
}
