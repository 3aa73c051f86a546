package io.sectorsphere.transfer.agent.jobs;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The live state of one file of a job. */
final class FileProgress {

    private final String name;
    private final String expectedSha256;
    private final AtomicLong bytesDone = new AtomicLong();
    private volatile FileState state = FileState.QUEUED;
    private volatile long size = -1;
    private volatile List<String> transports = List.of();
    private volatile String error;

    FileProgress(String name, String expectedSha256) {
        this.name = name;
        this.expectedSha256 = expectedSha256;
    }

    String name() {
        return name;
    }

    /** The SHA-256 the request gave, or null. */
    String expectedSha256() {
        return expectedSha256;
    }

    void running() {
        state = FileState.RUNNING;
    }

    void sized(long bytes) {
        size = bytes;
    }

    void usingTransports(List<String> chosen) {
        transports = List.copyOf(chosen);
    }

    void progressed(long bytes) {
        bytesDone.addAndGet(bytes);
    }

    void finished(FileState outcome, String why) {
        error = why;
        state = outcome;
    }

    FileState state() {
        return state;
    }

    long size() {
        return size;
    }

    long bytesDone() {
        return bytesDone.get();
    }

    TransferView.FileView view() {
        return new TransferView.FileView(name, state, size < 0 ? null : size, bytesDone.get(), transports, error);
    }
}
