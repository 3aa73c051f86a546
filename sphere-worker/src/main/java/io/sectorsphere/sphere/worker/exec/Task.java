package io.sectorsphere.sphere.worker.exec;

import java.nio.file.Path;

/** One attempt this worker runs, and what became of it. */
final class Task {

    private final TaskRequest request;
    private final Path directory;
    private volatile String state = "RUNNING";
    private volatile String error;
    private volatile String lostOwner;
    private volatile boolean cancelled;
    private volatile boolean local;
    private volatile long recordsIn;
    private volatile long recordsOut;
    private volatile long bytesOut;

    Task(TaskRequest request, Path directory) {
        this.request = request;
        this.directory = directory;
    }

    TaskRequest request() {
        return request;
    }

    Path directory() {
        return directory;
    }

    Path outputDir() {
        return directory.resolve("output");
    }

    boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    void readLocally(boolean fromOwnDisk) {
        this.local = fromOwnDisk;
    }

    synchronized void succeeded(long recordsIn, long recordsOut, long bytesOut) {
        this.recordsIn = recordsIn;
        this.recordsOut = recordsOut;
        this.bytesOut = bytesOut;
        this.state = cancelled ? "CANCELLED" : "SUCCEEDED";
    }

    synchronized void failed(String message) {
        failed(message, null);
    }

    synchronized void failed(String message, String unreachableOwner) {
        this.error = message;
        this.lostOwner = unreachableOwner;
        this.state = cancelled ? "CANCELLED" : "FAILED";
    }

    synchronized TaskReport report() {
        return new TaskReport(request.taskId(), state, error, lostOwner, recordsIn, request.length(), recordsOut,
                bytesOut, local);
    }

    boolean succeeded() {
        return "SUCCEEDED".equals(state);
    }
}
