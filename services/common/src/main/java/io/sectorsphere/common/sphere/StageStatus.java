package io.sectorsphere.common.sphere;

/** Progress of one stage of a job. */
public record StageStatus(int index, String operator, int segments, int done, int running, int pending,
                          int failedAttempts, int retries, int speculativeCopies,
                          long bytesIn, long bytesOut, long recordsIn, long recordsOut) {
}
