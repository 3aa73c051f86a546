package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.sphere.worker.job.Segment;
import java.util.ArrayList;
import java.util.List;

/** A segment of a running stage: waiting, running (maybe twice, when speculated), or accepted. */
final class SegmentState {

    private final Segment segment;
    private final List<Attempt> running = new ArrayList<>();
    private Attempt accepted;
    private int started;
    private int failures;
    private long durationNanos;

    SegmentState(Segment segment) {
        this.segment = segment;
    }

    Segment segment() {
        return segment;
    }

    boolean pending() {
        return accepted == null && running.isEmpty();
    }

    boolean done() {
        return accepted != null;
    }

    List<Attempt> running() {
        return running;
    }

    Attempt accepted() {
        return accepted;
    }

    /** The number the next attempt gets. */
    int nextAttemptNumber() {
        return started++;
    }

    int failures() {
        return failures;
    }

    int failed() {
        return ++failures;
    }

    void accept(Attempt attempt, long nowNanos) {
        accepted = attempt;
        durationNanos = nowNanos - attempt.startedNanos();
        running.remove(attempt);
    }

    long durationNanos() {
        return durationNanos;
    }

    /** Forgets the accepted attempt: its output was lost with a node. */
    void reopen() {
        accepted = null;
    }
}
