package io.sectorsphere.sphere.worker.exec;

/**
 * What a worker says of an attempt it runs: {@code GET /api/v1/tasks/{id}}.
 *
 * @param state {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
 * @param error the function's message when it failed
 * @param lostOwner the bucket owner this attempt could not deliver to, if that is why it failed
 * @param local whether the input was read from this node's own disk
 */
public record TaskReport(String taskId, String state, String error, String lostOwner,
                         long recordsIn, long bytesIn, long recordsOut, long bytesOut, boolean local) {

    public boolean finished() {
        return !"RUNNING".equals(state);
    }
}
