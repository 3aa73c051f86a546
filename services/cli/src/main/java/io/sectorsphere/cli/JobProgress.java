package io.sectorsphere.cli;

import io.sectorsphere.client.JobListener;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.StageStatus;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;

/**
 * A progress bar of a job on standard error: segments done of all stages' segments, the stage
 * running, the input rate, and the time left as the job's coordinator estimates it (the segments of
 * a later stage are counted once it has started, so the bar's own estimate would run ahead).
 */
final class JobProgress implements JobListener, AutoCloseable {

    private final String what;
    private final CliEnvironment environment;
    private final boolean enabled;
    private ProgressBar bar;
    /** The coordinator's estimate, read by the bar's own thread. */
    private volatile Duration timeLeft;

    /**
     * @param what what the bar is called, e.g. {@code job j-1}
     * @param enabled false when the user asked for no progress
     */
    JobProgress(String what, CliEnvironment environment, boolean enabled) {
        this.what = what;
        this.environment = environment;
        this.enabled = enabled;
    }

    @Override
    public synchronized void progress(JobStatus status) {
        if (!enabled) {
            return;
        }
        timeLeft = status.finished() ? Duration.ZERO
                : status.etaSeconds() == null ? null : Duration.ofMillis(Math.round(status.etaSeconds() * 1000));
        long total = status.stages().stream().mapToLong(StageStatus::segments).sum();
        long done = status.stages().stream().mapToLong(StageStatus::done).sum();
        if (bar == null) {
            bar = ProgressBars.builder(what, environment)
                    .setInitialMax(Math.max(total, 1))
                    .setUnit(" segments", 1)
                    .setEtaFunction(state -> Optional.ofNullable(timeLeft))
                    .build();
        }
        bar.setExtraMessage(JobReports.progressNote(status));
        bar.maxHint(Math.max(total, 1));
        bar.stepTo(done);
    }

    /** Draws the final state and ends the line, so what is printed next starts on its own line. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
