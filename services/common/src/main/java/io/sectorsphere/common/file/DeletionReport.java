package io.sectorsphere.common.file;

import java.util.List;

/**
 * The answer to {@code DELETE /api/v1/files/{name}}: which holders ({@code host:port}) removed
 * their copy and which could not be reached or refused. A holder that failed keeps its copy.
 */
public record DeletionReport(String name, List<String> deleted, List<String> failed) {

    public DeletionReport {
        deleted = List.copyOf(deleted);
        failed = List.copyOf(failed);
    }
}
