package io.sectorsphere.transfer.agent.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One accepted transfer job and its live progress; thread-safe. */
public final class TransferJob {

    private final String id;
    private final TransferRequest request;
    private final String target;
    private final Clock clock;
    private final Instant createdAt;
    private final List<FileProgress> files;
    private volatile JobState state = JobState.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile double rttMillis = -1;

    TransferJob(String id, TransferRequest request, String target, Clock clock) {
        this.id = id;
        this.request = request;
        this.target = target;
        this.clock = clock;
        this.createdAt = clock.instant();
        this.files = request.files().stream().map(file -> new FileProgress(file.name(), file.sha256())).toList();
    }

    public String id() {
        return id;
    }

    TransferRequest request() {
        return request;
    }

    /** The receiving agent's data address. */
    String target() {
        return target;
    }

    List<FileProgress> files() {
        return files;
    }

    JobState state() {
        return state;
    }

    void started() {
        startedAt = clock.instant();
        state = JobState.RUNNING;
    }

    void finished() {
        finishedAt = clock.instant();
        boolean allThere = files.stream().allMatch(file -> file.state() == FileState.DONE
                || file.state() == FileState.PRESENT);
        state = allThere ? JobState.SUCCEEDED : JobState.FAILED;
    }

    synchronized void measuredRtt(double millis) {
        rttMillis = Math.max(rttMillis, millis);
    }

    public TransferView view() {
        long done = files.stream().mapToLong(FileProgress::bytesDone).sum();
        long total = files.stream().mapToLong(file -> Math.max(0, file.size())).sum();
        Instant started = startedAt;
        Instant ended = finishedAt;
        double rate = 0;
        if (started != null) {
            Duration running = Duration.between(started, ended != null ? ended : clock.instant());
            rate = running.isZero() ? 0 : done * 1e9 / running.toNanos();
        }
        boolean sizesKnown = files.stream().allMatch(file -> file.size() >= 0);
        Double eta = ended == null && rate > 0 && sizesKnown ? (total - done) / rate : null;
        return new TransferView(id, state, target, request.sources(), createdAt, started, ended, done, total, rate,
                rttMillis < 0 ? null : rttMillis, eta, files.stream().map(FileProgress::view).toList());
    }
}
