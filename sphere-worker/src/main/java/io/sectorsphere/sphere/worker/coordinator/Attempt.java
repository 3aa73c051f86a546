package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.sphere.worker.exec.TaskReport;
import java.util.Locale;

/** One attempt of one segment on one worker, as its coordinator tracks it. */
final class Attempt {

    private final String taskId;
    private final int segment;
    private final int number;
    private final WorkerStatus worker;
    private final boolean speculative;
    private final long startedNanos;
    private long lastContactNanos;
    private TaskReport report;

    Attempt(String jobId, int stage, int segment, int number, WorkerStatus worker, boolean speculative, long nowNanos) {
        this.taskId = String.format(Locale.ROOT, "%s-s%d-g%d-a%d", jobId, stage, segment, number);
        this.segment = segment;
        this.number = number;
        this.worker = worker;
        this.speculative = speculative;
        this.startedNanos = nowNanos;
        this.lastContactNanos = nowNanos;
    }

    String taskId() {
        return taskId;
    }

    int segment() {
        return segment;
    }

    int number() {
        return number;
    }

    WorkerStatus worker() {
        return worker;
    }

    boolean speculative() {
        return speculative;
    }

    long startedNanos() {
        return startedNanos;
    }

    long lastContactNanos() {
        return lastContactNanos;
    }

    void heardFrom(long nowNanos, TaskReport latest) {
        this.lastContactNanos = nowNanos;
        this.report = latest;
    }

    TaskReport report() {
        return report;
    }
}
