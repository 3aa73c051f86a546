package io.sectorsphere.client;

import io.sectorsphere.common.sphere.JobStatus;

/** Follows a job that {@link SphereClient#waitFor} waits for, for example to draw a progress bar. */
@FunctionalInterface
public interface JobListener {

    JobListener NONE = status -> {
    };

    /** Called with every status polled, the last one finished. */
    void progress(JobStatus status);
}
